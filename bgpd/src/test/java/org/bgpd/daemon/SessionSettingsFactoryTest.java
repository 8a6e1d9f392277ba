package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.model.PeerConfig;
import org.junit.jupiter.api.Test;

/** The AS a session presents in its OPEN: the peer's own local-as, else the daemon's. */
class SessionSettingsFactoryTest {

    private static final DaemonConfig CONFIG = Configs.parse("""
            router-id: 10.0.0.1
            local-as: 64512
            peers:
              - {name: own, address: 10.0.0.2, remote-as: 64566, local-as: 65001, allow-local-as: 1}
              - {name: daemons, address: 10.0.0.3, remote-as: 64566}
            """);

    private static PeerConfig peer(String name) {
        return CONFIG.peers().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void peerLocalAsIsTheAsInTheOpen() {
        assertEquals(65001, SessionSettingsFactory.settings(CONFIG, peer("own")).fsm().localAs());
    }

    @Test
    void withoutPeerLocalAsTheDaemonsAsIsUsed() {
        assertEquals(64512, SessionSettingsFactory.settings(CONFIG, peer("daemons")).fsm().localAs());
    }

    @Test
    void theOpenStillExpectsTheRemoteAs() {
        assertEquals(64566, SessionSettingsFactory.settings(CONFIG, peer("own")).fsm().peerAs());
    }
}
