package org.bgpd.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.stream.Stream;
import org.bgpd.rib.wire.WireError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed header, OPEN, NOTIFICATION and ROUTE-REFRESH case with its code/subcode/data. */
class MalformedMessageTest {

    /** An OPEN with the given fields after the header; the header's length is computed. */
    static String open(String body) {
        int len = 19 + Hex.bytes(body).length;
        return Hex.MARKER + String.format(" %04x 01 ", len) + body;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // RFC 4271 §6.1 header checks
                Arguments.of("marker with a zero byte", "ffffffffffffffffffffffffffff00ff 0013 04", 1, 1, ""),
                Arguments.of("length below 19", Hex.MARKER + " 0012 04", 1, 2, "0012"),
                Arguments.of("length 0", Hex.MARKER + " 0000 04", 1, 2, "0000"),
                Arguments.of("length 4097 without extended messages", Hex.MARKER + " 1001 02", 1, 2, "1001"),
                Arguments.of("length 65535 without extended messages", Hex.MARKER + " ffff 02", 1, 2, "ffff"),
                Arguments.of("type 0", Hex.MARKER + " 0013 00", 1, 3, "00"),
                Arguments.of("type 6", Hex.MARKER + " 0013 06", 1, 3, "06"),
                Arguments.of("type 255", Hex.MARKER + " 0013 ff", 1, 3, "ff"),
                Arguments.of("OPEN of 28 bytes", Hex.MARKER + " 001c 01 04fde900f0c0000201", 1, 2, "001c"),
                Arguments.of("UPDATE of 22 bytes", Hex.MARKER + " 0016 02 000000", 1, 2, "0016"),
                Arguments.of("NOTIFICATION of 20 bytes", Hex.MARKER + " 0014 03 06", 1, 2, "0014"),
                Arguments.of("KEEPALIVE of 20 bytes", Hex.MARKER + " 0014 04 00", 1, 2, "0014"),
                Arguments.of("frame shorter than a header", "ffffffffffffffff", 1, 2, "0008"),
                Arguments.of("length field disagrees with the frame", Hex.MARKER + " 0014 04", 1, 2, "0014"),
                // RFC 7313 §5: the whole ROUTE-REFRESH is the data
                Arguments.of("ROUTE-REFRESH of 22 bytes", Hex.MARKER + " 0016 05 000100", 7, 1,
                        Hex.MARKER + "0016 05 000100"),
                Arguments.of("ROUTE-REFRESH of 24 bytes", Hex.MARKER + " 0018 05 0001000100", 7, 1,
                        Hex.MARKER + "0018 05 0001000100"),
                // RFC 4271 §6.2 OPEN checks
                Arguments.of("version 3", open("03 fde9 00f0 c0000201 00"), 2, 1, "0004"),
                Arguments.of("version 5", open("05 fde9 00f0 c0000201 00"), 2, 1, "0004"),
                Arguments.of("hold time 1", open("04 fde9 0001 c0000201 00"), 2, 6, "0001"),
                Arguments.of("hold time 2", open("04 fde9 0002 c0000201 00"), 2, 6, "0002"),
                Arguments.of("BGP identifier 0", open("04 fde9 00f0 00000000 00"), 2, 3, "00000000"),
                Arguments.of("authentication parameter (type 1)", open("04 fde9 00f0 c0000201 03 01 01 00"), 2, 4, ""),
                Arguments.of("unknown parameter type 7", open("04 fde9 00f0 c0000201 02 07 00"), 2, 4, ""),
                Arguments.of("parameters length longer than the OPEN", open("04 fde9 00f0 c0000201 05 02 02 0200"), 1, 2, "0021"),
                Arguments.of("parameters length shorter than the OPEN", open("04 fde9 00f0 c0000201 02 02 02 0200"), 1, 2, "0021"),
                Arguments.of("parameter runs past the parameters", open("04 fde9 00f0 c0000201 04 02 05 0200"), 2, 0, ""),
                Arguments.of("lone parameter type byte", open("04 fde9 00f0 c0000201 01 02"), 2, 0, ""),
                Arguments.of("capability runs past its parameter", open("04 fde9 00f0 c0000201 04 02 02 0101"), 2, 0, ""),
                Arguments.of("RFC 9072 marker without the extended length", open("04 fde9 00f0 c0000201 ff ff"), 1, 2, "001e"),
                Arguments.of("RFC 9072 parameter runs past", open("04 fde9 00f0 c0000201 ff ff 0004 02 0005 00"), 2, 0, ""),
                // Capability values of the wrong length: 2/0, as BIRD does
                Arguments.of("multiprotocol of 3 bytes", caps("01 03 000100"), 2, 0, ""),
                Arguments.of("route refresh with a value", caps("02 01 00"), 2, 0, ""),
                Arguments.of("old route refresh with a value", caps("80 01 00"), 2, 0, ""),
                Arguments.of("extended next hop of 4 bytes", caps("05 04 00010001"), 2, 0, ""),
                Arguments.of("extended message with a value", caps("06 01 00"), 2, 0, ""),
                Arguments.of("graceful restart of 3 bytes", caps("40 03 007800"), 2, 0, ""),
                Arguments.of("graceful restart of 4 bytes", caps("40 04 00780001"), 2, 0, ""),
                Arguments.of("4-octet AS of 2 bytes", caps("41 02 fde9"), 2, 0, ""),
                Arguments.of("ADD-PATH of 5 bytes", caps("45 05 0001010300"), 2, 0, ""),
                Arguments.of("enhanced route refresh with a value", caps("46 01 00"), 2, 0, ""),
                Arguments.of("long-lived GR of 6 bytes", caps("47 06 000101800000"), 2, 0, ""));
    }

    /** An OPEN with one capabilities parameter holding {@code tlvs}. */
    static String caps(String tlvs) {
        int n = Hex.bytes(tlvs).length;
        return open(String.format("04 fde9 00f0 c0000201 %02x 02 %02x ", n + 2, n) + tlvs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformed(String name, String hex, int code, int subcode, String data) {
        byte[] frame = Hex.bytes(hex);
        MessageDecoder.Result r = MessageDecoder.decode(frame, 0, frame.length, 4096);
        WireError e = assertInstanceOf(MessageDecoder.Malformed.class, r, () -> r.toString()).error();
        assertEquals(code + "/" + subcode, e.code() + "/" + e.subcode(), e::toString);
        assertEquals(data.replace(" ", ""), Hex.of(e.data()));
    }

    @Test
    void decodesAtAnOffset() {
        byte[] frame = Hex.bytes("aabbcc" + Hex.MARKER + "0013 04" + "dd");
        MessageDecoder.Result r = MessageDecoder.decode(frame, 3, 19, 4096);
        assertEquals(new MessageDecoder.Decoded(Keepalive.INSTANCE), r);
    }

    @Test
    void extendedLengthAcceptedOnceNegotiated() {
        byte[] body = new byte[5000 - 19];
        byte[] frame = MessageEncoder.frame(BgpMessage.UPDATE, body);
        WireError e = assertInstanceOf(MessageDecoder.Malformed.class, MessageDecoder.decode(frame, 0, frame.length, 4096)).error();
        assertArrayEquals(NotificationData.u16(5000), e.data());
        assertInstanceOf(MessageDecoder.Decoded.class, MessageDecoder.decode(frame, 0, frame.length, 65535));
    }

    @Test
    void holdTimeZeroAndThreeAreAcceptable() {
        for (String hold : new String[] {"0000", "0003"}) {
            byte[] frame = Hex.bytes(open("04 fde9 " + hold + " c0000201 00"));
            assertInstanceOf(MessageDecoder.Decoded.class, MessageDecoder.decode(frame, 0, frame.length, 4096));
        }
    }

    @Test
    void unknownCapabilityIsKept() {
        byte[] frame = Hex.bytes(caps("49 03 616263"));
        Open o = (Open) assertInstanceOf(MessageDecoder.Decoded.class, MessageDecoder.decode(frame, 0, frame.length, 4096)).message();
        assertEquals(java.util.List.of(new Capability.Unknown(0x49, new byte[] {'a', 'b', 'c'})), o.capabilities());
    }

    @Test
    void capabilitiesSpreadOverSeveralParameters() {
        // Some speakers send one capability per parameter (RFC 5492 §4 allows both).
        byte[] frame = Hex.bytes(open("04 fde9 00f0 c0000201 0e 02 06 010400010001 02 02 0200 02 00"));
        Open o = (Open) assertInstanceOf(MessageDecoder.Decoded.class, MessageDecoder.decode(frame, 0, frame.length, 4096)).message();
        assertEquals(java.util.List.of(new Capability.Multiprotocol(1, 1), new Capability.RouteRefreshCap()), o.capabilities());
    }

    @Test
    void notificationDataIsPreservedWhateverTheCode() {
        byte[] frame = Hex.bytes(Hex.MARKER + "0018 03 0905 010203");
        Notification n = (Notification) assertInstanceOf(MessageDecoder.Decoded.class,
                MessageDecoder.decode(frame, 0, frame.length, 4096)).message();
        assertEquals(new Notification(9, 5, new byte[] {1, 2, 3}), n);
    }

    @Test
    void unknownRefreshSubtypeDecodesForTheSessionToIgnore() {
        byte[] frame = Hex.bytes(Hex.MARKER + "0017 05 0001 07 01");
        RouteRefresh rr = (RouteRefresh) assertInstanceOf(MessageDecoder.Decoded.class,
                MessageDecoder.decode(frame, 0, frame.length, 4096)).message();
        assertEquals(7, rr.subtype());
        assertEquals(false, rr.knownSubtype());
    }

    @Test
    void oversizedRefreshIsCutToFitANotification() {
        byte[] frame = MessageEncoder.frame(BgpMessage.ROUTE_REFRESH, new byte[4096 - 19]);
        WireError e = assertInstanceOf(MessageDecoder.Malformed.class, MessageDecoder.decode(frame, 0, frame.length, 4096)).error();
        assertEquals(7, e.code());
        assertEquals(4096 - 21, e.data().length);
        assertEquals(4096, MessageEncoder.encode(NotificationData.of(e)).length);
    }
}
