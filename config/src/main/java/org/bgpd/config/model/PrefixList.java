package org.bgpd.config.model;

import java.util.List;

/** Immutable; safe to share. A named set of prefix matches; a route matches if any entry matches. */
public record PrefixList(String name, List<PrefixMatch> entries) {

    public PrefixList {
        entries = List.copyOf(entries);
    }
}
