package org.bgpd.config.model;

/**
 * Immutable; safe to share. Matches routes inside {@code prefix} whose length is in {@code ge..le};
 * an exact match has {@code ge == le == prefix.length()}.
 */
public record PrefixMatch(IpPrefix prefix, int ge, int le) {

    public PrefixMatch {
        if (ge < prefix.length() || le < ge || le > prefix.family().maxLength()) {
            throw new IllegalArgumentException("bad ge/le for " + prefix);
        }
    }

    public static PrefixMatch exact(IpPrefix p) {
        return new PrefixMatch(p, p.length(), p.length());
    }

    public boolean isExact() {
        return ge == prefix.length() && le == prefix.length();
    }
}
