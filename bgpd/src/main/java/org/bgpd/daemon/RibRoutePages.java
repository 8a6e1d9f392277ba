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
 * walk. The walk may run {@link #WINDOW} pages ahead of the client: each page taken grants it
 * one more ({@link RibCommand.MorePages}), so a client that reads slowly (its socket writes
 * block) holds at most that many pages here while its walk waits in the RIB, and the RIB never
 * blocks on it. Closing before the last page cancels the walk ({@link RibCommand.CancelWalk}).
 * The client's thread converts each page to rows as it reads it.
 * Owned by the client's thread; not thread-safe (the queue is the hand-over from the RIB thread).
 */
final class RibRoutePages implements RoutePages {
    static final int PAGE_SIZE = 512;
    /** Pages the walk may run ahead: enough to keep a fast reader busy while the RIB fills the next. */
    static final int WINDOW = 4;

    private final RibLoop rib;
    private final RibCommand.QueryAll query;
    private final RoutePageFigures figures;
    private final LinkedBlockingQueue<RoutePage> pages = new LinkedBlockingQueue<>();
    private final RouteRows rows;
    private final Predicate<RouteView> keep;
    private volatile boolean closed;
    private boolean lastTaken;
    private boolean done;

    /**
     * @param family null for both families
     * @param peer RIB peer index whose routes to show, or -1 for every peer
     * @param keep which of the walked routes to show
     */
    RibRoutePages(RibLoop rib, Family family, int peer, RouteRows rows, Predicate<RouteView> keep, RoutePageFigures figures) {
        this.rib = rib;
        this.rows = rows;
        this.keep = keep;
        this.figures = figures;
        this.query = new RibCommand.QueryAll(family, peer, PAGE_SIZE, this::arrived, WINDOW);
        figures.opened();
        rib.offer(query);
    }

    /** On the RIB thread. */
    private void arrived(RoutePage p) {
        if (closed) return;
        pages.add(p);
        figures.queued(pages.size());
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
            done = lastTaken = page.last();
            if (!page.last()) rib.offer(new RibCommand.MorePages(query, 1));
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
        if (closed) return;
        closed = true;
        done = true;
        pages.clear();
        if (!lastTaken) rib.offer(new RibCommand.CancelWalk(query));
        figures.closed(!lastTaken);
    }
}
