package org.bgpd.rib.wire;

import java.util.Arrays;
import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;

/**
 * Scratch state of one {@link UpdateDecoder#decode} call: what the attribute loop kept (as
 * offsets into the body, so nothing is copied until the canonical bytes are built), the values
 * that are not canonical attributes (NEXT_HOP, MP_REACH/MP_UNREACH, AS4_*), and the worst
 * RFC 7606 action seen so far (BIRD's {@code s->err_withdraw}).
 * Not thread-safe; one per decode.
 */
final class DecodeState {
    final DecodeContext ctx;
    final byte[] body;

    // the attribute being parsed, for NOTIFICATION data
    int attrStart;
    int attrEnd;

    ErrorAction action = ErrorAction.NONE;
    WireError error;
    Family errorFamily;
    /** Some error asked for treat-as-withdraw, even if a worse one (AFI/SAFI disable) decides the action. */
    boolean withdrawAll;
    private int disabledMask;

    private int[] discarded = new int[4];
    private int discardedCount;

    private final long[] seen = new long[4];

    int[] keptCode = new int[12];
    int[] keptFlags = new int[12];
    int[] keptOff = new int[12];
    int[] keptLen = new int[12];
    int keptCount;

    boolean hasNextHop;
    int nextHop4;

    /** AS_PATH / AGGREGATOR rewritten to 4-octet form on 2-octet sessions; null when the raw value is canonical. */
    byte[] asPath4;
    byte[] aggregator4;
    int aggregatorAs = -1;
    int as4PathOff = -1, as4PathLen;
    int as4AggOff = -1, as4AggLen;

    NextHop mpNextHop;
    Family mpReachFamily;
    Family mpUnreachFamily;
    NlriList.Builder announced4, withdrawn4, announced6, withdrawn6;

    DecodeState(DecodeContext ctx, byte[] body) {
        this.ctx = ctx;
        this.body = body;
    }

    /** Records an error with the current attribute as data; returns {@code a} for the parser to return. */
    ErrorAction malformed(ErrorAction a, int subcode, String reason) {
        return fail(a, WireError.update(subcode, Arrays.copyOfRange(body, attrStart, attrEnd), reason));
    }

    /** Records an error; the worst action wins and the first error at that level is kept. */
    ErrorAction fail(ErrorAction a, WireError e) {
        if (a == ErrorAction.TREAT_AS_WITHDRAW) withdrawAll = true;
        if (a.ordinal() > action.ordinal()) {
            action = a;
            error = e;
        }
        return a;
    }

    /** RFC 7606 §2 "AFI/SAFI disable": the family's NLRI in this UPDATE are ignored. */
    ErrorAction disable(Family f, int subcode, String reason) {
        if (f != null) disabledMask |= 1 << f.ordinal();
        if (action.ordinal() < ErrorAction.AFI_SAFI_DISABLE.ordinal()) errorFamily = f;
        return malformed(ErrorAction.AFI_SAFI_DISABLE, subcode, reason);
    }

    boolean disabled(Family f) { return (disabledMask & (1 << f.ordinal())) != 0; }

    void discard(int code) {
        if (discardedCount == discarded.length) discarded = Arrays.copyOf(discarded, discardedCount * 2);
        discarded[discardedCount++] = code;
    }

    int[] discarded() { return discardedCount == 0 ? InboundUpdate.NONE_DISCARDED : Arrays.copyOf(discarded, discardedCount); }

    /** Marks a code seen; false if it was seen before (RFC 7606 §3 g). */
    boolean firstSighting(int code) {
        long bit = 1L << (code & 63);
        if ((seen[code >>> 6] & bit) != 0) return false;
        seen[code >>> 6] |= bit;
        return true;
    }

    boolean seen(int code) { return (seen[code >>> 6] & (1L << (code & 63))) != 0; }

    void keep(int code, int flags, int off, int len) {
        if (keptCount == keptCode.length) {
            int n = keptCount * 2;
            keptCode = Arrays.copyOf(keptCode, n);
            keptFlags = Arrays.copyOf(keptFlags, n);
            keptOff = Arrays.copyOf(keptOff, n);
            keptLen = Arrays.copyOf(keptLen, n);
        }
        keptCode[keptCount] = code;
        keptFlags[keptCount] = flags;
        keptOff[keptCount] = off;
        keptLen[keptCount] = len;
        keptCount++;
    }

    /** Drops a kept attribute again (AS4 rules may decide late). */
    void unkeep(int code) {
        for (int i = 0; i < keptCount; i++) {
            if (keptCode[i] == code) {
                int n = keptCount - i - 1;
                System.arraycopy(keptCode, i + 1, keptCode, i, n);
                System.arraycopy(keptFlags, i + 1, keptFlags, i, n);
                System.arraycopy(keptOff, i + 1, keptOff, i, n);
                System.arraycopy(keptLen, i + 1, keptLen, i, n);
                keptCount--;
                return;
            }
        }
    }

    /** The announced-prefix builder of a family, sized from the bytes the section holds. */
    NlriList.Builder announced(Family f, int sectionBytes) {
        if (f == Family.IPV4_UNICAST) {
            if (announced4 == null) announced4 = NlriList.builder(f, ctx.addPath(f), expected(f, sectionBytes));
            return announced4;
        }
        if (announced6 == null) announced6 = NlriList.builder(f, ctx.addPath(f), expected(f, sectionBytes));
        return announced6;
    }

    NlriList.Builder withdrawn(Family f, int sectionBytes) {
        if (f == Family.IPV4_UNICAST) {
            if (withdrawn4 == null) withdrawn4 = NlriList.builder(f, ctx.addPath(f), expected(f, sectionBytes));
            return withdrawn4;
        }
        if (withdrawn6 == null) withdrawn6 = NlriList.builder(f, ctx.addPath(f), expected(f, sectionBytes));
        return withdrawn6;
    }

    // a typical IPv4 prefix (/24) takes 4 bytes, an IPv6 one (/48../64) 7..9
    private int expected(Family f, int bytes) {
        int per = (f == Family.IPV4_UNICAST ? 4 : 8) + (ctx.addPath(f) ? 4 : 0);
        return bytes / per + 1;
    }
}
