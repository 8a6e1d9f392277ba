package org.bgpd.rib.loop;

import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.wire.InboundUpdate;

/**
 * Stateless; safe to share. What one inbox command costs against a turn's batch budget: an
 * UPDATE counts its prefixes, anything else counts one. Counting commands let one turn take
 * 4,096 full UPDATEs (about 3 M prefixes), so the turn's dirty sets grew to millions of entries,
 * fell out of the CPU caches before they were decided, and stayed allocated afterwards.
 */
final class CommandCost {
    private CommandCost() {}

    static int of(RibCommand c) {
        if (!(c instanceof RibCommand.Update u)) return 1;
        InboundUpdate m = u.update();
        int n = 1;
        for (Family f : Family.values()) n += size(m.announced(f)) + size(m.withdrawn(f));
        return n;
    }

    private static int size(NlriList l) { return l == null ? 0 : l.size(); }
}
