package org.bgpd.daemon;

import org.bgpd.config.model.DaemonConfig;
import org.bgpd.config.yaml.ConfigLoader;
import org.bgpd.config.yaml.LoadResult;

/** Test configurations from YAML text. */
final class Configs {
    private Configs() {}

    static DaemonConfig parse(String yaml) {
        LoadResult r = ConfigLoader.parse(yaml, "test.yaml");
        if (r instanceof LoadResult.Failed f) throw new AssertionError("test config rejected: " + f.errors() + "\n" + yaml);
        return ((LoadResult.Loaded) r).config();
    }

    /** Two passive peers a and b, one static route; {@code extra} is appended verbatim. */
    static String base(int port, String aKeys, String bKeys, String extra) {
        return """
                router-id: 10.0.0.1
                local-as: 65001
                listen: {address: 127.0.0.1, port: %d}
                static-routes:
                  - prefix: 192.0.2.0/24
                    blackhole: true
                policies:
                  p1: {default: accept}
                  p2: {default: reject}
                peers:
                  - name: a
                    address: 127.0.1.1
                    remote-as: 65002
                    passive: true
                %s
                  - name: b
                    address: 127.0.1.2
                    remote-as: 65001
                    passive: true
                %s
                %s
                """.formatted(port, aKeys, bKeys, extra);
    }
}
