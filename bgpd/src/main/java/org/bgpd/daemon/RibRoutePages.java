package org.bgpd.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bgpd.control.RouteInfo;
import org.bgpd.control.RoutePages;
import org.bgpd.rib.loop.RibCommand;
import org.bgpd.rib.loop.RibLoop;
import org.bgpd.rib.loop.RoutePage;
import org.bgpd.rib.loop.RouteView;
import org.bgpd.rib.route.Family;

/**
 * A {@code show route} over the whole Loc-RIB, page by page, from a {@link RibCommand.QueryAll}
 * walk. The RIB hands pages to an unbounded queue so it never blocks on a slow client; the
 * client's thread converts each page to rows as it reads it. Owned by the client's thread;
 * not thread-safe.
 */
final class RibRoutePages implements RoutePages {
    static final int PAGE_SIZE = 512;

    private final LinkedBlockingQueue<RoutePage> pages = new LinkedBlockingQueue<>();
    private final RouteRows rows;
    private final Predicate<RouteView> keep;
    private volatile boolean closed;
    private boolean done;

    /**
     * @param family null for both families
     * @param peer RIB peer index whose routes to show, or -1 for every peer
     * @param keep which of the walked routes to show
     */
    RibRoutePages(RibLoop rib, Family family, int peer, RouteRows rows, Predicate<RouteView> keep) {
        this.rows = rows;
        this.keep = keep;
        // After close() the walk still runs to its end in the RIB, but its pages are dropped.
        rib.offer(new RibCommand.QueryAll(family, peer, PAGE_SIZE, p -> {
            if (!closed) pages.add(p);
        }));
    }

    @Override
    public List<RouteInfo> next() {
        List<RouteView> views = nextViews();
        List<RouteInfo> out = new ArrayList<>(views.size());
        for (RouteView v : views) out.add(rows.of(v));
        return out;
    }

    /** The kept routes of the next page that has any; an empty list at the end. */
    List<RouteView> nextViews() {
        while (!done) {
            RoutePage page = take();
            done = page.last();
            List<RouteView> out = new ArrayList<>(page.routes().size());
            for (RouteView v : page.routes()) {
                if (keep.test(v)) out.add(v);
            }
            if (!out.isEmpty()) return out;
        }
        return List.of();
    }

    private RoutePage take() {
        try {
            RoutePage p = pages.poll(RibAsk.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (p == null) throw new IllegalStateException("the RIB did not answer");
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the RIB", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        done = true;
        pages.clear();
    }
}
