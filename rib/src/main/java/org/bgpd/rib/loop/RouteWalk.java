package org.bgpd.rib.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.Prefix;

/**
 * A {@code show route} walk: the Loc-RIB of one or both families in prefix order, in pages.
 * It snapshots and sorts the keys when it reaches a family (one O(n log n) pass: about 0.1 s
 * for a million IPv4 prefixes), then reads candidates live a budget at a time, so prefixes
 * withdrawn meanwhile are skipped and changed ones show their current state.
 * <p>Each page, the last one included, spends one page of credit; with none left the walk waits
 * (reads nothing more) until its consumer grants more, so a slow reader holds at most its
 * credit in pages plus one page being filled, and the key snapshot. Like OpenBGPD's
 * {@code rib_dump} contexts that pause while the control pipe is full.
 * Owned by the RIB thread; not thread-safe.
 */
final class RouteWalk {
    private final RibCommand.QueryAll query;
    private final RibQueries queries;
    private final Family[] families;
    private final Consumer<RoutePage> reply;
    private long credit;
    private boolean done;
    private int familyAt = -1;
    private long[] keys;
    private Prefix[] prefixes; // IPv6 only: sorted values for the keys
    private int next;
    private List<RouteView> page = new ArrayList<>();

    RouteWalk(RibQueries queries, RibCommand.QueryAll query) {
        this.query = query;
        this.queries = queries;
        this.families = query.family() == null ? Family.values() : new Family[] {query.family()};
        this.reply = query.reply();
        this.credit = query.credit();
    }

    /** The command that started the walk: what {@link RibCommand.MorePages} and {@link RibCommand.CancelWalk} name. */
    RibCommand.QueryAll query() { return query; }

    void grant(int pages) {
        if (pages > 0) credit = Math.min(Long.MAX_VALUE - pages, credit) + pages;
    }

    boolean done() { return done; }

    /** False while it waits for credit, and once done. */
    boolean runnable() { return !done && credit > 0; }

    /** Reads up to {@code budget} prefixes and hands out the pages they fill; @return prefixes read plus pages sent */
    int step(int budget) {
        int work = 0;
        int pageSize = query.pageSize();
        while (!done && credit > 0) {
            if (page.size() >= pageSize) {
                send(new RoutePage(page.subList(0, pageSize), false));
                page = new ArrayList<>(page.subList(pageSize, page.size()));
                work++;
                continue;
            }
            if (keys == null || next >= keys.length) {
                if (familyAt + 1 >= families.length) {
                    send(new RoutePage(page, true));
                    done = true;
                    work++;
                    break;
                }
                snapshot(families[++familyAt]);
                continue;
            }
            if (work >= budget) break;
            long key = keys[next];
            Prefix p = prefixes != null ? prefixes[next] : Prefix.ofPacked(key);
            next++;
            work++;
            queries.views(p, key, query.peerFilter(), page);
        }
        return work;
    }

    private void send(RoutePage p) {
        credit--;
        reply.accept(p);
    }

    private void snapshot(Family f) {
        next = 0;
        keys = queries.locRib(f).prefixes();
        if (f == Family.IPV4_UNICAST) {
            Arrays.sort(keys); // packed IPv4 sorts by address, then length
            prefixes = null;
        } else {
            prefixes = new Prefix[keys.length];
            for (int i = 0; i < keys.length; i++) prefixes[i] = queries.keys().prefix(f, keys[i]);
            Arrays.sort(prefixes);
            for (int i = 0; i < keys.length; i++) keys[i] = queries.keys().find(prefixes[i]);
        }
    }
}
