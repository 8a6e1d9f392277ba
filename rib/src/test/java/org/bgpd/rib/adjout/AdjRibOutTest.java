package org.bgpd.rib.adjout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.rib.route.AttrsTable;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.wire.AttrsBuilder;
import org.junit.jupiter.api.Test;

/** Per-member route counts ({@code show protocols all}'s "exported"): a member's own routes are not sent to it. */
class AdjRibOutTest {

    @Test
    void sizeForLeavesOutTheMembersOwnRoutesThroughReplacementAndWithdrawal() {
        AttrsTable attrs = new AttrsTable();
        int a = attrs.intern(new AttrsBuilder().nextHop(NextHop.parse("10.0.0.1")).build());
        int b = attrs.intern(new AttrsBuilder().nextHop(NextHop.parse("10.0.0.2")).build());
        AdjRibOut out = new AdjRibOut(attrs);
        out.set(1, 7, a);
        out.set(2, 7, a);
        out.set(3, 8, b);
        assertEquals(3, out.size());
        assertEquals(1, out.sizeFor(7));
        assertEquals(2, out.sizeFor(8));
        assertEquals(3, out.sizeFor(9));

        out.set(2, 8, b); // peer 8's route now wins prefix 2
        assertEquals(2, out.sizeFor(7));
        assertEquals(1, out.sizeFor(8));

        out.withdraw(3); // left: prefix 1 from 7, prefix 2 from 8
        assertEquals(1, out.sizeFor(7));
        assertEquals(1, out.sizeFor(8));
        out.clear();
        assertEquals(0, out.sizeFor(7));
    }
}
