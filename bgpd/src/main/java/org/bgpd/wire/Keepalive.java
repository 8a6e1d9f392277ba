package org.bgpd.wire;

/** KEEPALIVE (RFC 4271 §4.4): a header with no body. */
public record Keepalive() implements BgpMessage {
    public static final Keepalive INSTANCE = new Keepalive();

    @Override
    public int type() { return KEEPALIVE; }
}
