package org.bgpd.fuzz;

import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.ErrorAction;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.wire.WireError;

/**
 * What every decoder result must satisfy, whatever the input: the checks the fuzz targets make
 * after the "no exception" one. A broken invariant throws {@link AssertionError}, which Jazzer
 * reports as a finding. Stateless.
 */
final class DecodeInvariants {
    /** Header (19), error code and subcode: what a NOTIFICATION needs besides its data. */
    static final int NOTIFICATION_OVERHEAD = 21;

    private DecodeInvariants() {}

    static void check(WireError e, int maxLength) {
        require(e != null, "null error");
        require(e.code() >= 1 && e.code() <= 7, "error code " + e.code()); // 7: ROUTE-REFRESH Message Error, RFC 7313 §5
        require(e.subcode() >= 0 && e.subcode() <= 255, "subcode " + e.subcode());
        require(e.data().length <= maxLength - NOTIFICATION_OVERHEAD, "NOTIFICATION data of " + e.data().length + " bytes does not fit");
    }

    static void check(InboundUpdate u, DecodeContext ctx, int maxLength) {
        require(u != null, "null update");
        require(u.action() != null, "null action");
        if (u.action() == ErrorAction.SESSION_RESET) {
            check(u.error(), maxLength);
            require(u.error().code() == WireError.UPDATE_MESSAGE_ERROR, "session reset with code " + u.error().code());
            for (Family f : Family.values()) require(size(u.announced(f)) == 0 && size(u.withdrawn(f)) == 0, "prefixes despite a session reset");
            return;
        }
        if (u.action() != ErrorAction.NONE && u.action() != ErrorAction.ATTRIBUTE_DISCARD) require(u.error() != null, u.action() + " without an error");
        if (u.isEndOfRib()) {
            for (Family f : Family.values()) require(size(u.announced(f)) == 0 && size(u.withdrawn(f)) == 0, "End-of-RIB with prefixes");
        }
        if (u.action() == ErrorAction.TREAT_AS_WITHDRAW) {
            for (Family f : Family.values()) require(size(u.announced(f)) == 0, "treat-as-withdraw still announces " + f);
        }
        if (u.action() == ErrorAction.AFI_SAFI_DISABLE && u.errorFamily() != null) {
            Family f = u.errorFamily();
            require(size(u.announced(f)) == 0 && size(u.withdrawn(f)) == 0, "disabled " + f + " still carries prefixes");
        }
        for (Family f : Family.values()) {
            NlriList a = u.announced(f), w = u.withdrawn(f);
            if (size(a) > 0) {
                require(u.attrs(f) != null, f + " announced without attributes");
                require(u.attrs(f).nextHop() != null, f + " announced without a next hop");
            }
            walk(a, f, ctx);
            walk(w, f, ctx);
        }
    }

    /** Every prefix must be readable and of the list's family, with path ids only under ADD-PATH. */
    private static void walk(NlriList list, Family f, DecodeContext ctx) {
        if (list == null || list.isEmpty()) return;
        require(list.family() == f, "list of " + list.family() + " in the " + f + " slot");
        require(!list.hasPathIds() || ctx.addPath(f), "path ids without ADD-PATH");
        for (int i = 0; i < list.size(); i++) {
            var p = list.prefix(i);
            require(p.family() == f && p.length() >= 0 && p.length() <= f.maxLength(), "bad prefix " + p);
        }
    }

    static int size(NlriList l) { return l == null ? 0 : l.size(); }

    static void require(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }
}
