package org.bgpd.rib.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bgpd.rib.route.Attrs;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.junit.jupiter.api.Test;

/** Property-style round trips: random attribute sets and prefixes, encoded, decoded, compared. */
class RoundTripTest {

    @Test
    void randomUpdatesSurviveEncodeAndDecode() {
        Random rnd = new Random(7606);
        for (int round = 0; round < 400; round++) {
            boolean four = rnd.nextBoolean(), addPath = rnd.nextBoolean(), ibgp = rnd.nextBoolean();
            Set<Family> ap = addPath ? EnumSet.allOf(Family.class) : Set.of();
            EncodeContext ectx = new EncodeContext(four, ap, rnd.nextBoolean() ? 4096 : 65535, null, null);
            DecodeContext dctx = DecodeContext.of(ibgp, 65000).withFourOctetAs(four).withAddPath(ap);
            Family f = rnd.nextBoolean() ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
            Attrs attrs = randomAttrs(rnd, f, ibgp);
            NlriList nlri = randomNlri(rnd, f, addPath, 1 + rnd.nextInt(600));

            List<byte[]> bodies = new UpdateEncoder(ectx).announce(attrs, nlri);
            NlriList.Builder seen = NlriList.builder(f, addPath, nlri.size());
            for (byte[] body : bodies) {
                assertTrue(body.length <= ectx.maxBody());
                InboundUpdate u = UpdateDecoder.decode(body, dctx);
                assertEquals(ErrorAction.NONE, u.action(), () -> "round " + u.error());
                assertEquals(attrs, u.attrs(f), "round " + " attrs");
                append(seen, u.announced(f));
            }
            assertEquals(nlri, seen.build());

            List<byte[]> wd = new UpdateEncoder(ectx).withdraw(nlri);
            NlriList.Builder gone = NlriList.builder(f, addPath, nlri.size());
            for (byte[] body : wd) append(gone, UpdateDecoder.decode(body, dctx).withdrawn(f));
            assertEquals(nlri, gone.build());
        }
    }

    @Test
    void splittingAt4096KeepsEveryPrefixExactlyOnce() {
        Random rnd = new Random(4096);
        for (Family f : Family.values()) {
            NlriList nlri = randomNlri(rnd, f, false, 5000);
            Attrs attrs = randomAttrs(rnd, f, false);
            EncodeContext ctx = EncodeContext.of(null, null);
            List<byte[]> bodies = new UpdateEncoder(ctx).announce(attrs, nlri);
            assertTrue(bodies.size() > 1);
            Set<Prefix> all = new HashSet<>();
            int count = 0;
            for (byte[] b : bodies) {
                assertTrue(UpdateEncoder.message(b).length <= 4096);
                NlriList got = UpdateDecoder.decode(b, DecodeContext.of(false, 1)).announced(f);
                for (int i = 0; i < got.size(); i++, count++) all.add(got.prefix(i));
            }
            assertEquals(nlri.size(), count);
            Set<Prefix> expected = new HashSet<>();
            for (int i = 0; i < nlri.size(); i++) expected.add(nlri.prefix(i));
            assertEquals(expected, all);
        }
    }

    private static void append(NlriList.Builder b, NlriList l) {
        for (int i = 0; i < l.size(); i++) b.add(l.prefix(i), l.pathId(i));
    }

    static NlriList randomNlri(Random rnd, Family f, boolean addPath, int n) {
        NlriList.Builder b = NlriList.builder(f, addPath, n);
        for (int i = 0; i < n; i++) {
            int len = rnd.nextInt(f.maxLength() + 1);
            b.add(new Prefix(f, rnd.nextLong(), rnd.nextLong(), len), addPath ? rnd.nextInt() : 0);
        }
        return b.build();
    }

    static Attrs randomAttrs(Random rnd, Family f, boolean ibgp) {
        AttrsBuilder b = new AttrsBuilder().origin(rnd.nextInt(3));
        List<AsPathSegment> segs = new ArrayList<>();
        int nseg = rnd.nextInt(4);
        for (int s = 0; s < nseg; s++) {
            int[] asns = new int[1 + rnd.nextInt(s == 0 && rnd.nextInt(8) == 0 ? 255 : 6)];
            for (int i = 0; i < asns.length; i++) asns[i] = rnd.nextBoolean() ? 1 + rnd.nextInt(65535) : rnd.nextInt();
            // adjacent sequences would be merged by the RFC 6793 reconstruction, so sets separate them
            segs.add(new AsPathSegment(s % 2 == 0 ? AsPathSegment.AS_SEQUENCE : AsPathSegment.AS_SET, asns));
        }
        b.asPath(segs);
        b.nextHop(f == Family.IPV4_UNICAST ? NextHop.v4(0x0a000000 | rnd.nextInt(1 << 24))
                : rnd.nextBoolean() ? NextHop.v6(0x20010db8L << 32 | (rnd.nextInt() & 0xFFFFFFFFL), rnd.nextLong())
                : NextHop.v6(0x20010db8L << 32, rnd.nextLong(), 0xfe80L << 48, rnd.nextLong() | 1));
        if (rnd.nextBoolean()) b.med(rnd.nextInt());
        if (ibgp && rnd.nextBoolean()) b.localPref(rnd.nextInt());
        if (rnd.nextInt(4) == 0) b.atomicAggregate(true);
        if (rnd.nextInt(4) == 0) b.aggregator(rnd.nextBoolean() ? rnd.nextInt(65536) : rnd.nextInt(), rnd.nextInt());
        for (int i = rnd.nextInt(rnd.nextInt(10) == 0 ? 200 : 5); i > 0; i--) b.addCommunity(rnd.nextInt());
        for (int i = rnd.nextInt(3); i > 0; i--) b.addLargeCommunity(rnd.nextInt(), rnd.nextInt(), rnd.nextInt());
        for (int i = rnd.nextInt(3); i > 0; i--) b.addExtendedCommunity(rnd.nextLong());
        if (ibgp && rnd.nextBoolean()) {
            b.originatorId(rnd.nextInt());
            for (int i = 1 + rnd.nextInt(3); i > 0; i--) b.prependClusterId(rnd.nextInt());
        }
        if (rnd.nextInt(5) == 0) b.unknown(100 + rnd.nextInt(100), new byte[rnd.nextInt(rnd.nextBoolean() ? 10 : 400)]);
        return b.build();
    }
}
