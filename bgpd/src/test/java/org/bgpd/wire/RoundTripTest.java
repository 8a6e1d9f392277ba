package org.bgpd.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** encode → decode gives back the input, for seeded random messages. */
class RoundTripTest {
    private static final int RUNS = 2000;

    private static BgpMessage roundTrip(BgpMessage m) {
        byte[] wire = MessageEncoder.encode(m);
        MessageDecoder.Result r = MessageDecoder.decode(wire, 0, wire.length, 65535);
        return assertInstanceOf(MessageDecoder.Decoded.class, r, () -> m + " -> " + r).message();
    }

    @Test
    void opens() {
        RandomMessages gen = new RandomMessages(4271);
        int extended = 0;
        for (int i = 0; i < RUNS; i++) {
            Open o = gen.open();
            byte[] wire = MessageEncoder.encode(o);
            if ((wire[28] & 0xFF) == 255 && (wire[29] & 0xFF) == 255) extended++;
            assertEquals(o, roundTrip(o));
        }
        assertTrue(extended > RUNS / 10, "the generator must exercise RFC 9072, got " + extended);
    }

    @Test
    void notifications() {
        RandomMessages gen = new RandomMessages(9003);
        for (int i = 0; i < RUNS; i++) {
            Notification n = gen.notification();
            assertEquals(n, roundTrip(n));
        }
    }

    @Test
    void routeRefreshes() {
        RandomMessages gen = new RandomMessages(7313);
        for (int i = 0; i < RUNS; i++) {
            RouteRefresh rr = gen.routeRefresh();
            assertEquals(rr, roundTrip(rr));
        }
    }

    @Test
    void byteBufEncodingMatchesArrayEncoding() {
        RandomMessages gen = new RandomMessages(2918);
        ByteBuf buf = Unpooled.buffer();
        try {
            for (int i = 0; i < 500; i++) {
                BgpMessage m = gen.any();
                buf.clear();
                MessageEncoder.encode(m, buf);
                byte[] viaBuf = new byte[buf.readableBytes()];
                buf.readBytes(viaBuf);
                assertArrayEquals(MessageEncoder.encode(m), viaBuf, m::toString);
            }
        } finally {
            buf.release();
        }
    }

    @Test
    void shortParametersUseTheClassicForm() {
        Open o = new Open(4, 65001, 90, 1, java.util.List.of(new Capability.Unknown(200, new byte[251])));
        byte[] wire = MessageEncoder.encode(o);
        // 253 bytes of capabilities plus the parameter header is 255: still one-octet lengths.
        assertEquals(255, wire[28] & 0xFF);
        assertEquals(OpenCodec.CAPABILITIES_PARAM, wire[29]);
        assertEquals(o, roundTrip(o));
        Open longer = new Open(4, 65001, 90, 1, java.util.List.of(new Capability.Unknown(200, new byte[252])));
        byte[] ext = MessageEncoder.encode(longer);
        // Non-Ext OP Len 255, Non-Ext OP Type 255, Extended Opt. Parm. Length 3 + 254 (RFC 9072 §2).
        assertEquals("ffff0101", Hex.of(java.util.Arrays.copyOfRange(ext, 28, 32)));
        assertEquals(longer, roundTrip(longer));
    }
}
