package org.bgpd.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Immutable; safe to share. A {@code protocol bgp} block of a generated bird.conf. Null
 * fields are left out (BIRD's default applies). The builder starts with short timers
 * ({@code connect delay time 1; connect retry time 2; error wait time 1, 2;}) because BIRD's
 * defaults (5 s, 120 s, 60 s) would make a test wait seconds to minutes for the first connect
 * or after a peer restarts; set them to null to get BIRD's.
 */
public record BirdBgpProtocol(String name, String description, String localAddress, Integer localPort, long localAs,
                              String neighborAddress, Integer neighborPort, long neighborAs, boolean passive,
                              String password, Integer holdTime, Integer keepaliveTime, Integer connectRetryTime,
                              Integer connectDelayTime, String errorWaitTime, boolean gracefulRestart,
                              Integer gracefulRestartTime, boolean rrClient, String rrClusterId, boolean enableAs4,
                              Integer multihop, List<BirdChannel> channels, List<String> extraLines) {

    /** {@code multihop} without a TTL (BIRD picks 64). */
    public static final int MULTIHOP_DEFAULT_TTL = 0;

    public BirdBgpProtocol {
        channels = List.copyOf(channels);
        extraLines = List.copyOf(extraLines);
        if (neighborAddress == null) {
            throw new IllegalArgumentException("protocol bgp " + name + " needs a neighbor address");
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("protocol bgp " + name + " needs at least one channel");
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Mutable; confined to the building thread. */
    public static final class Builder {
        private final String name;
        private String description;
        private String localAddress;
        private Integer localPort;
        private long localAs;
        private String neighborAddress;
        private Integer neighborPort;
        private long neighborAs;
        private boolean passive;
        private String password;
        private Integer holdTime;
        private Integer keepaliveTime;
        private Integer connectRetryTime = 2;
        private Integer connectDelayTime = 1;
        private String errorWaitTime = "1, 2";
        private boolean gracefulRestart;
        private Integer gracefulRestartTime;
        private boolean rrClient;
        private String rrClusterId;
        private boolean enableAs4 = true;
        private Integer multihop;
        private final List<BirdChannel> channels = new ArrayList<>();
        private final List<String> extraLines = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** {@code local ADDRESS port PORT as AS}; the address is also the session's source address. */
        public Builder local(String address, int port, long as) {
            this.localAddress = address;
            this.localPort = port;
            this.localAs = as;
            return this;
        }

        /** {@code local ADDRESS as AS} on the default port 179. */
        public Builder local(String address, long as) {
            this.localAddress = address;
            this.localPort = null;
            this.localAs = as;
            return this;
        }

        /** {@code neighbor ADDRESS port PORT as AS}. */
        public Builder neighbor(String address, int port, long as) {
            this.neighborAddress = address;
            this.neighborPort = port;
            this.neighborAs = as;
            return this;
        }

        public Builder neighbor(String address, long as) {
            this.neighborAddress = address;
            this.neighborPort = null;
            this.neighborAs = as;
            return this;
        }

        public Builder passive() {
            this.passive = true;
            return this;
        }

        /** TCP-MD5 (RFC 2385) key. */
        public Builder password(String key) {
            this.password = key;
            return this;
        }

        public Builder holdTime(Integer seconds) {
            this.holdTime = seconds;
            return this;
        }

        public Builder keepaliveTime(Integer seconds) {
            this.keepaliveTime = seconds;
            return this;
        }

        public Builder connectRetryTime(Integer seconds) {
            this.connectRetryTime = seconds;
            return this;
        }

        public Builder connectDelayTime(Integer seconds) {
            this.connectDelayTime = seconds;
            return this;
        }

        /** {@code error wait time MIN, MAX}, e.g. "1, 2"; null for BIRD's 60, 300. */
        public Builder errorWaitTime(String minMax) {
            this.errorWaitTime = minMax;
            return this;
        }

        /** {@code graceful restart on} (RFC 4724). */
        public Builder gracefulRestart() {
            this.gracefulRestart = true;
            return this;
        }

        public Builder gracefulRestartTime(int seconds) {
            this.gracefulRestart = true;
            this.gracefulRestartTime = seconds;
            return this;
        }

        /** {@code rr client}: this BIRD reflects routes to the neighbor (RFC 4456). */
        public Builder rrClient() {
            this.rrClient = true;
            return this;
        }

        public Builder rrClusterId(String id) {
            this.rrClusterId = id;
            return this;
        }

        /** {@code enable as4 off}: behave as a 2-octet-AS speaker (RFC 6793 §4.2). */
        public Builder as4Off() {
            this.enableAs4 = false;
            return this;
        }

        /**
         * {@code multihop}. Needed for eBGP between loopback addresses: without it BIRD
         * rejects a neighbor that is not on a directly connected interface ("Invalid remote
         * address") and next hops that are not ("Invalid next hop").
         */
        public Builder multihop() {
            this.multihop = MULTIHOP_DEFAULT_TTL;
            return this;
        }

        public Builder multihop(int ttl) {
            this.multihop = ttl;
            return this;
        }

        public Builder channel(BirdChannel c) {
            this.channels.add(c);
            return this;
        }

        /** Any other protocol option, written verbatim with a trailing {@code ;}. */
        public Builder extra(String line) {
            this.extraLines.add(line);
            return this;
        }

        public BirdBgpProtocol build() {
            return new BirdBgpProtocol(name, description, localAddress, localPort, localAs, neighborAddress,
                    neighborPort, neighborAs, passive, password, holdTime, keepaliveTime, connectRetryTime,
                    connectDelayTime, errorWaitTime, gracefulRestart, gracefulRestartTime, rrClient, rrClusterId,
                    enableAs4, multihop, channels, extraLines);
        }
    }

    void render(StringBuilder out) {
        out.append("protocol bgp ").append(name).append(" {\n");
        if (description != null) {
            out.append("  description \"").append(description).append("\";\n");
        }
        out.append("  local");
        if (localAddress != null) {
            out.append(' ').append(localAddress);
        }
        if (localPort != null) {
            out.append(" port ").append(localPort);
        }
        out.append(" as ").append(localAs).append(";\n");
        out.append("  neighbor ").append(neighborAddress);
        if (neighborPort != null) {
            out.append(" port ").append(neighborPort);
        }
        out.append(" as ").append(neighborAs).append(";\n");
        if (passive) {
            out.append("  passive on;\n");
        }
        if (password != null) {
            out.append("  password \"").append(password).append("\";\n");
        }
        option(out, "hold time", holdTime);
        option(out, "keepalive time", keepaliveTime);
        option(out, "connect retry time", connectRetryTime);
        option(out, "connect delay time", connectDelayTime);
        if (errorWaitTime != null) {
            out.append("  error wait time ").append(errorWaitTime).append(";\n");
        }
        if (gracefulRestart) {
            out.append("  graceful restart on;\n");
        }
        option(out, "graceful restart time", gracefulRestartTime);
        if (rrClient) {
            out.append("  rr client;\n");
        }
        if (rrClusterId != null) {
            out.append("  rr cluster id ").append(rrClusterId).append(";\n");
        }
        if (!enableAs4) {
            out.append("  enable as4 off;\n");
        }
        if (multihop != null) {
            out.append(multihop == MULTIHOP_DEFAULT_TTL ? "  multihop;\n" : "  multihop " + multihop + ";\n");
        }
        for (String line : extraLines) {
            out.append("  ").append(line).append(";\n");
        }
        for (BirdChannel c : channels) {
            c.render(out, "  ");
        }
        out.append("}\n");
    }

    private static void option(StringBuilder out, String keyword, Integer value) {
        if (value != null) {
            out.append("  ").append(keyword).append(' ').append(value).append(";\n");
        }
    }
}
