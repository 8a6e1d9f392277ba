package org.bgpd.fib.netlink;

/**
 * What a decoder made of one kernel message: a value, a reason it was malformed, or neither
 * (a message of a kind bgpd ignores, such as an MPLS route or a cloned cache entry).
 * Malformed kernel input is a result here, never an exception. Immutable; safe to share.
 */
public record Decoded<T>(T value, String error) {

    public static <T> Decoded<T> of(T value) { return new Decoded<>(value, null); }

    public static <T> Decoded<T> malformed(String why) { return new Decoded<>(null, why); }

    public static <T> Decoded<T> ignored() { return new Decoded<>(null, null); }

    public boolean ok() { return value != null; }

    public boolean isMalformed() { return error != null; }
}
