package org.bgpd.bench;

/** Immutable; safe to share. Maps the prefixes of a scenario to dense indexes, -1 for any other. */
interface PrefixIndex {
    int index(int address, int length);

    int size();
}
