package org.bgpd.rib.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NlriList;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation of valid UPDATEs (flip, truncate, extend): the decoder never throws, and a
 * result it accepts without error re-encodes and decodes to the same attribute set. Stands in
 * for a Jazzer target until one is added.
 */
class MutationTest {

    @Test
    void mutatedUpdatesNeverThrowAndCleanResultsRoundTrip() {
        Random rnd = new Random(1997);
        for (int round = 0; round < 3000; round++) {
            boolean four = rnd.nextBoolean(), addPath = rnd.nextInt(4) == 0;
            Set<Family> ap = addPath ? EnumSet.allOf(Family.class) : Set.of();
            Family f = rnd.nextBoolean() ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
            Attrs attrs = RoundTripTest.randomAttrs(rnd, f, true);
            NlriList nlri = RoundTripTest.randomNlri(rnd, f, addPath, 1 + rnd.nextInt(5));
            EncodeContext ectx = new EncodeContext(four, ap, 4096, null, null);
            byte[] body = new UpdateEncoder(ectx).announce(attrs, nlri).getFirst();
            byte[] m = mutate(rnd, body);
            DecodeContext dctx = DecodeContext.of(true, 1).withFourOctetAs(four).withAddPath(ap);
            InboundUpdate u = UpdateDecoder.decode(m, dctx);
            assertNotNull(u.action());
            if (u.action() == ErrorAction.NONE && u.attrs(f) != null && u.endOfRib() == null) {
                List<byte[]> again = new UpdateEncoder(ectx).announce(u.attrs(f), u.announced(f));
                InboundUpdate v = UpdateDecoder.decode(again.getFirst(), dctx);
                assertEquals(ErrorAction.NONE, v.action());
                assertEquals(u.attrs(f), v.attrs(f));
            }
            if (u.action() == ErrorAction.SESSION_RESET) assertTrue(u.error() != null && u.error().code() == 3);
        }
    }

    private static byte[] mutate(Random rnd, byte[] b) {
        switch (rnd.nextInt(3)) {
            case 0 -> {
                byte[] c = b.clone();
                for (int i = 1 + rnd.nextInt(3); i > 0; i--) c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
                return c;
            }
            case 1 -> { return Arrays.copyOf(b, rnd.nextInt(b.length)); }
            default -> {
                byte[] c = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
                for (int i = b.length; i < c.length; i++) c[i] = (byte) rnd.nextInt();
                return c;
            }
        }
    }
}
