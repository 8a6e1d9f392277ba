package org.bgpd.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.bgpd.fsm.Event;
import org.bgpd.wire.BgpMessage;
import org.bgpd.wire.Keepalive;
import org.bgpd.wire.Notification;
import org.bgpd.wire.Open;
import org.bgpd.wire.RouteRefresh;
import org.bgpd.wire.Update;

/**
 * The last handler of a BGP channel: turns decoded messages, framing errors and TCP events into
 * FSM events for its {@link Connection}. Events from a channel the connection has already let go
 * of are dropped. Runs on the channel's event loop and hands work to the peer's loop.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

    private final PeerSession peer;
    private final Connection conn;

    SessionHandler(PeerSession peer, Connection conn) {
        this.peer = peer;
        this.conn = conn;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel ch = ctx.channel();
        peer.execute(() -> {
            if (conn.channel != ch) return;
            if (msg instanceof FramingError f) {
                conn.feed(new Event.MessageMalformed(f.error()));
                return;
            }
            BgpMessage m = (BgpMessage) msg;
            peer.countIn(m);
            switch (m) {
                case Open o -> {
                    if (peer.openArrived(conn, o)) conn.feed(new Event.OpenReceived(o));
                }
                case Keepalive k -> conn.feed(new Event.KeepaliveReceived());
                case Update u -> {
                    conn.feed(new Event.UpdateReceived());
                    peer.deliverUpdate(conn, u.body());
                }
                case RouteRefresh r -> {
                    conn.feed(new Event.RouteRefreshReceived());
                    peer.deliverRouteRefresh(conn, r);
                }
                case Notification n -> conn.feed(new Event.NotificationReceived(n));
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Channel ch = ctx.channel();
        peer.execute(() -> {
            if (conn.channel == ch) conn.feed(new Event.TcpClosed("Connection closed"));
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Channel ch = ctx.channel();
        String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        peer.execute(() -> {
            if (conn.channel == ch) conn.feed(new Event.TcpClosed(why));
        });
        ch.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel ch = ctx.channel();
        boolean writable = ch.isWritable();
        peer.execute(() -> peer.writabilityChanged(conn, ch, writable));
        ctx.fireChannelWritabilityChanged();
    }
}
