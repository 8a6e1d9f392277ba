package org.bgpd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code show confd}: one 1030 block ending in 0000, or one line when no renderer runs. */
class ConfdReplyTest {
    private static final Instant AT = Instant.parse("2026-11-21T19:00:41.256Z");

    private static String render(ConfdInfo info) {
        StringWriter out = new StringWriter();
        ConfdReply.render(new ReplyWriter(out), new BirdTime(Dialect.BIRD2, ZoneOffset.UTC, AT), info);
        return out.toString();
    }

    @Test
    void runningRendererShowsBackendRevisionRenderReloadsAndError() {
        String text = render(new ConfdInfo("etcd [http://127.0.0.1:2379]", "node-1", "/etc/bgpd.yaml", false, 42, AT,
                "bgpd.yaml: check failed\nsecond line", 3));
        assertEquals("""
                1030-confd for node node-1, rendering /etc/bgpd.yaml
                   Backend:        etcd [http://127.0.0.1:2379] (disconnected)
                   Last revision:  42
                   Last render:    2026-11-21 19:00:41.256
                   Reloads:        3
                   Last error:     bgpd.yaml: check failed second line
                0000 \n""", text);
    }

    @Test
    void noRendererIsOneLine() {
        assertEquals("0000 confd is not running in this daemon\n", render(null));
    }
}
