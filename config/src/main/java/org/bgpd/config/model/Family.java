package org.bgpd.config.model;

/** Immutable; safe to share. The unicast address families a peer or route can carry. */
public enum Family {
    IPV4(32),
    IPV6(128);

    private final int maxLength;

    Family(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
