package org.bgpd.rib.loop;

import java.util.ArrayList;
import java.util.List;
import org.bgpd.rib.adjout.SessionSink;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;

/** A session sink that remembers what it was told. Not thread-safe. */
final class RecordingSink implements SessionSink {
    record Event(String kind, Attrs attrs, long[] prefixes) {}

    final List<Event> events = new ArrayList<>();

    @Override
    public void withdraw(Family family, long[] prefixes) { events.add(new Event("withdraw", null, prefixes)); }

    @Override
    public void announce(Family family, int outAttrsId, Attrs attrs, long[] prefixes) {
        events.add(new Event("announce", attrs, prefixes));
    }

    @Override
    public void endOfRib(Family family) { events.add(new Event("eor", null, new long[0])); }

    Event last() { return events.get(events.size() - 1); }

    /** Events after an End-of-RIB, then forgets them. */
    List<Event> take() {
        List<Event> out = new ArrayList<>(events);
        events.clear();
        return out;
    }
}
