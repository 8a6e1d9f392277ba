package org.bgpd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;
import org.junit.jupiter.api.Test;

class ListenerTtlTest {
    private static DaemonConfig config(String peers) {
        LoadResult r = ConfigLoader.parse("router-id: 10.0.0.1\nlocal-as: 65001\n" + peers, "t.yaml");
        if (r instanceof LoadResult.Failed f) throw new AssertionError(f.errors().toString());
        return ((LoadResult.Loaded) r).config();
    }

    @Test
    void everyPeerWithGtsmGivesTheLowestMinimum() {
        assertEquals(254, ListenerTtl.minTtl(config("""
                peers:
                  - {name: a, address: 10.0.0.2, remote-as: 65002, ttl-security: true}
                  - {name: b, address: 10.0.0.3, remote-as: 65003, ttl-security: true, multihop: 2}
                """)));
        assertEquals(255, ListenerTtl.minTtl(config("""
                peers:
                  - {name: a, address: 10.0.0.2, remote-as: 65002, ttl-security: true}
                """)));
    }

    @Test
    void onePeerOrDynamicRangeWithoutGtsmLeavesTheListenerOpen() {
        assertEquals(0, ListenerTtl.minTtl(config("""
                peers:
                  - {name: a, address: 10.0.0.2, remote-as: 65002, ttl-security: true}
                  - {name: b, address: 10.0.0.3, remote-as: 65003}
                """)));
        assertEquals(0, ListenerTtl.minTtl(config("""
                peers:
                  - {name: a, address: 10.0.0.2, remote-as: 65002, ttl-security: true}
                dynamic-peers:
                  - {name: d_, accept-from: 10.1.0.0/16, remote-as: 65001}
                """)));
        assertEquals(0, ListenerTtl.minTtl(config("")));
    }
}
