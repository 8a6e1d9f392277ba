package org.bgpd.rib.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.ErrorAction;
import org.bgpd.rib.wire.InboundUpdate;
import org.bgpd.rib.wire.UpdateDecoder;

/**
 * A session sink that decodes every message it is sent, as the peer would, and remembers the
 * result as events. Decodes as an iBGP receiver, so nothing we sent is discarded on the way.
 * Not thread-safe.
 */
final class RecordingSink implements SessionSink {
    record Event(String kind, Family family, Attrs attrs, List<Prefix> nlri) {
        /** Packed IPv4 prefixes of the event. */
        long[] prefixes() {
            long[] out = new long[nlri.size()];
            for (int i = 0; i < out.length; i++) out[i] = nlri.get(i).packed();
            return out;
        }
    }

    final List<Event> events = new ArrayList<>();
    final List<byte[]> messages = new ArrayList<>();

    @Override
    public void send(byte[] m) {
        messages.add(m);
        assertTrue(m.length >= 19);
        for (int i = 0; i < 16; i++) assertEquals((byte) 0xFF, m[i], "marker");
        assertEquals(m.length, (m[16] & 0xFF) << 8 | (m[17] & 0xFF), "header length");
        assertEquals(2, m[18], "UPDATE");
        InboundUpdate u = UpdateDecoder.decode(m, 19, m.length - 19, DecodeContext.of(true, 65000));
        assertEquals(ErrorAction.NONE, u.action(), () -> "we sent a malformed UPDATE: " + u.error());
        if (u.isEndOfRib()) {
            events.add(new Event("eor", u.endOfRib(), null, List.of()));
            return;
        }
        boolean any = false;
        for (Family f : Family.values()) {
            if (!u.withdrawn(f).isEmpty()) {
                events.add(new Event("withdraw", f, null, list(u.withdrawn(f))));
                any = true;
            }
            if (!u.announced(f).isEmpty()) {
                assertNotNull(u.attrs(f));
                events.add(new Event("announce", f, u.attrs(f), list(u.announced(f))));
                any = true;
            }
        }
        assertTrue(any, "an UPDATE with nothing in it");
    }

    private static List<Prefix> list(NlriList l) {
        List<Prefix> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) out.add(l.prefix(i));
        return out;
    }

    Event last() { return events.get(events.size() - 1); }

    /** Every event so far, then forgets them (and the messages). */
    List<Event> take() {
        List<Event> out = new ArrayList<>(events);
        events.clear();
        messages.clear();
        return out;
    }

    /** The prefixes this peer currently holds from us, replaying announcements and withdrawals. */
    java.util.Map<Prefix, Attrs> table() {
        java.util.Map<Prefix, Attrs> t = new java.util.TreeMap<>();
        for (Event e : events) {
            for (Prefix p : e.nlri()) {
                if (e.kind().equals("announce")) t.put(p, e.attrs());
                else t.remove(p);
            }
        }
        return t;
    }
}
