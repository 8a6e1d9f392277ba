package org.bgpd.rib.loop;

import static org.bgpd.rib.testing.TestAttrs.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.rib.route.Family;
import org.bgpd.rib.route.NextHop;
import org.bgpd.rib.route.NlriList;
import org.bgpd.rib.route.Prefix;
import org.bgpd.rib.table.PeerInfo;
import org.bgpd.rib.wire.DecodeContext;
import org.bgpd.rib.wire.EncodeContext;
import org.bgpd.rib.wire.UpdateDecoder;
import org.bgpd.rib.wire.UpdateEncoder;
import org.junit.jupiter.api.Test;

class CommandCostTest {
    private static final EncodeContext ENCODE = EncodeContext.of(NextHop.parse("10.0.0.254"), NextHop.parse("2001:db8::fe"));

    private static RibCommand.Update update(int announced, int withdrawn) {
        UpdateEncoder encoder = new UpdateEncoder(ENCODE);
        byte[] body = announced > 0
                ? encoder.announce(attrs().nextHop("10.0.0.1").path(65001).build(), nlri(0, announced)).getFirst()
                : encoder.withdraw(nlri(100, withdrawn)).getFirst();
        return new RibCommand.Update(1, UpdateDecoder.decode(body, 0, body.length, DecodeContext.of(true, 65000)));
    }

    private static NlriList nlri(int from, int n) {
        NlriList.Builder b = NlriList.builder(Family.IPV4_UNICAST, false, n);
        for (int i = 0; i < n; i++) b.add(Prefix.parse("10." + (from + i) + ".0.0/16"), 0);
        return b.build();
    }

    @Test
    void anUpdateCostsOnePlusItsPrefixes() {
        assertEquals(1 + 5, CommandCost.of(update(5, 0)));
        assertEquals(1 + 3, CommandCost.of(update(0, 3)));
    }

    @Test
    void otherCommandsCostOne() {
        assertEquals(1, CommandCost.of(new RibCommand.RemovePeer(1)));
        assertEquals(1, CommandCost.of(new RibCommand.PeerDown(1)));
    }

    @Test
    void aTurnStopsOnceItsPrefixBudgetIsSpent() {
        RibLoop rib = new RibLoop(1, org.bgpd.rib.decision.DecisionOptions.defaults(), null, 4, 16);
        rib.offer(new RibCommand.AddPeer(PeerInfo.bgp(1, "10.0.0.1", 65000, 65000, 0x0A000001, false)));
        rib.offer(update(5, 0)); // AddPeer (1) + this (6) spend the budget of 4
        rib.offer(update(5, 0));
        assertEquals(2, rib.turn());
        assertEquals(1, rib.turn());
        assertEquals(0, rib.turn());
    }
}
