package org.bgpd.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.BgpMessage;
import org.bgpd.wire.Capability;
import org.bgpd.wire.Keepalive;
import org.bgpd.wire.MessageEncoder;
import org.bgpd.wire.Notification;
import org.bgpd.wire.NotifyCode;
import org.bgpd.wire.Open;
import org.bgpd.wire.RouteRefresh;
import org.bgpd.wire.Update;
import org.junit.jupiter.api.Test;

class BgpFrameDecoderTest {
    private static final String MARKER = "ffffffffffffffffffffffffffffffff";
    private static final Open OPEN = new Open(4, 65001, 240, 0x0A000001, List.of(
            new Capability.Multiprotocol(1, 1), new Capability.ExtendedMessage(), new Capability.FourOctetAs(65001)));

    private final BgpFrameDecoder decoder = new BgpFrameDecoder();
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    private static byte[] hex(String s) { return HexFormat.of().parseHex(s.replaceAll("\\s+", "")); }

    private void write(byte[] b) { channel.writeInbound(Unpooled.wrappedBuffer(b)); }

    private List<Object> drain() {
        List<Object> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) out.add(o);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private WireError onlyError() {
        List<Object> out = drain();
        assertEquals(1, out.size(), out::toString);
        return assertInstanceOf(FramingError.class, out.get(0)).error();
    }

    @Test
    void messageSplitAcrossReads() {
        byte[] open = MessageEncoder.encode(OPEN);
        write(java.util.Arrays.copyOfRange(open, 0, 10));
        assertNull(channel.readInbound(), "half a header");
        write(java.util.Arrays.copyOfRange(open, 10, 25));
        assertNull(channel.readInbound(), "header but not the body");
        write(java.util.Arrays.copyOfRange(open, 25, open.length));
        assertEquals(List.of(OPEN), drain());
    }

    @Test
    void severalMessagesInOneRead() {
        Notification cease = NotifyCode.PEER_DECONFIGURED.notification();
        write(concat(MessageEncoder.encode(OPEN), MessageEncoder.encode(Keepalive.INSTANCE),
                MessageEncoder.encode(new RouteRefresh(2, 0, 1)), MessageEncoder.encode(cease)));
        assertEquals(List.of(OPEN, Keepalive.INSTANCE, new RouteRefresh(2, 0, 1), cease), drain());
    }

    @Test
    void randomMessagesInRandomChunks() {
        Random random = new Random(1771);
        List<BgpMessage> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) {
            BgpMessage m = switch (random.nextInt(4)) {
                case 0 -> Keepalive.INSTANCE;
                case 1 -> new RouteRefresh(random.nextInt(65536), random.nextInt(3), random.nextInt(256));
                case 2 -> new Notification(6, random.nextInt(11), new byte[random.nextInt(30)]);
                default -> {
                    byte[] body = new byte[4 + random.nextInt(4000)];
                    random.nextBytes(body);
                    yield new Update(body);
                }
            };
            sent.add(m);
            stream.writeBytes(MessageEncoder.encode(m));
        }
        byte[] all = stream.toByteArray();
        for (int at = 0; at < all.length; ) {
            int n = Math.min(all.length - at, 1 + random.nextInt(3000));
            write(java.util.Arrays.copyOfRange(all, at, at + n));
            at += n;
        }
        assertEquals(sent, drain());
    }

    @Test
    void badMarkerIsReportedAndLaterInputDiscarded() {
        write(hex("ffffffff00ffffffffffffffffffffff 0013 04"));
        WireError e = onlyError();
        assertEquals("1/1", e.code() + "/" + e.subcode());
        write(MessageEncoder.encode(Keepalive.INSTANCE));
        assertNull(channel.readInbound(), "the stream is out of sync after an error");
        assertFalse(channel.finish());
    }

    @Test
    void badLengthIsReportedWithTheLength() {
        write(hex(MARKER + "0012 04"));
        WireError e = onlyError();
        assertEquals("1/2", e.code() + "/" + e.subcode());
        assertArrayEquals(hex("0012"), e.data());
    }

    @Test
    void hugeLengthBeforeExtendedMessagesIsRejectedAtOnce() {
        // Only the header arrives: the decoder must not wait for 65516 more bytes.
        write(hex(MARKER + "ffff 02"));
        WireError e = onlyError();
        assertEquals("1/2", e.code() + "/" + e.subcode());
        assertArrayEquals(hex("ffff"), e.data());
    }

    @Test
    void badPerTypeLengthIsReportedBeforeTheBody() {
        write(hex(MARKER + "0100 04"));
        WireError e = onlyError();
        assertEquals("1/2", e.code() + "/" + e.subcode());
        assertArrayEquals(hex("0100"), e.data());
    }

    @Test
    void badTypeIsReported() {
        write(hex(MARKER + "0013 09"));
        WireError e = onlyError();
        assertEquals("1/3", e.code() + "/" + e.subcode());
        assertArrayEquals(hex("09"), e.data());
    }

    @Test
    void malformedBodyBecomesAFramingError() {
        byte[] open = MessageEncoder.encode(new Open(3, 65001, 240, 1, List.of()));
        write(concat(open, MessageEncoder.encode(Keepalive.INSTANCE)));
        WireError e = onlyError();
        assertEquals("2/1", e.code() + "/" + e.subcode());
        assertArrayEquals(hex("0004"), e.data());
    }

    @Test
    void extendedMessagesAfterSetMaxLength() {
        byte[] big = MessageEncoder.encode(new Update(new byte[60000]));
        decoder.setMaxLength(65535);
        write(big);
        Update u = assertInstanceOf(Update.class, channel.readInbound());
        assertEquals(60000, u.body().length);
    }

    @Test
    void maxLengthSetOnOpenAppliesToTheNextMessageOfTheSameRead() {
        // The session raises the limit when it handles OPEN; a large UPDATE may already sit in
        // the same read buffer, so the decoder must hand out OPEN before cutting the next frame.
        EmbeddedChannel ch = new EmbeddedChannel();
        BgpFrameDecoder frames = new BgpFrameDecoder();
        List<Object> seen = new ArrayList<>();
        ch.pipeline().addLast(frames, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof Open) frames.setMaxLength(65535);
                seen.add(msg);
            }
        });
        ByteBuf in = Unpooled.wrappedBuffer(concat(MessageEncoder.encode(OPEN), MessageEncoder.encode(new Update(new byte[5000]))));
        ch.writeInbound(in);
        assertEquals(2, seen.size(), seen::toString);
        assertEquals(OPEN, seen.get(0));
        assertEquals(5000, assertInstanceOf(Update.class, seen.get(1)).body().length);
        ch.finishAndReleaseAll();
    }

    @Test
    void maxLengthOutsideTheRfcRangeIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> decoder.setMaxLength(100));
        assertEquals(4096, decoder.maxLength());
    }
}
