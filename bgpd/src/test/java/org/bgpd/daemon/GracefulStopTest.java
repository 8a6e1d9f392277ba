package org.bgpd.daemon;

import static org.bgpd.daemon.GracefulRestartRulesTest.V4_F;
import static org.bgpd.daemon.GracefulRestartRulesTest.V4_NO_F;
import static org.bgpd.daemon.GracefulRestartRulesTest.V6_F;
import static org.bgpd.daemon.GracefulRestartRulesTest.gr;
import static org.bgpd.daemon.GracefulRestartRulesTest.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.bgpd.rib.route.Family;
import org.junit.jupiter.api.Test;

/** Which peers may be left without a Cease on a graceful stop, and for which families. */
class GracefulStopTest {

    @Test
    void aPeerKeepsTheFamiliesWeListedWhenItSentTheCapabilityToo() {
        assertEquals(GracefulRestartRulesTest.BOTH, GracefulStop.keptByPeer(session(gr(false, V4_NO_F, V6_F), gr(false))));
        assertEquals(Set.of(Family.IPV4_UNICAST), GracefulStop.keptByPeer(session(gr(false, V4_F), gr(false))));
    }

    @Test
    void withoutGracefulRestartOnEitherSideOrASessionThePeerKeepsNothing() {
        assertEquals(Set.of(), GracefulStop.keptByPeer(session(gr(false, V4_F), null)));
        assertEquals(Set.of(), GracefulStop.keptByPeer(session(null, gr(false, V4_F))));
        assertEquals(Set.of(), GracefulStop.keptByPeer(session(gr(false), gr(false, V4_F))));
        assertEquals(Set.of(), GracefulStop.keptByPeer(null));
    }
}
