package org.bgpd.control;

/**
 * Renders {@code show confd}, our extension (BIRD has no renderer inside): one {@code 1030}
 * block, then {@code 0000}. A separate command rather than more {@code show status} lines, so
 * tools that parse BIRD's {@code show status} see exactly BIRD's reply. Stateless; safe to share.
 */
final class ConfdReply {
    static final int CODE = 1030;

    private ConfdReply() {}

    static void render(ReplyWriter w, BirdTime time, ConfdInfo c) {
        if (c == null) {
            w.last(0, "confd is not running in this daemon");
            return;
        }
        w.line(CODE, "confd for node " + c.node() + ", rendering " + c.file());
        w.line(CODE, "  Backend:        " + c.backend() + (c.connected() ? " (connected)" : " (disconnected)"));
        w.line(CODE, "  Last revision:  " + c.revision());
        w.line(CODE, "  Last render:    " + (c.lastRender() == null ? "never" : time.full(c.lastRender())));
        w.line(CODE, "  Reloads:        " + c.reloads());
        w.line(CODE, "  Last error:     " + (c.lastError() == null ? "none" : c.lastError().replace('\n', ' ')));
        w.last(0, "");
    }
}
