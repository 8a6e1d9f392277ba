package org.bgpd.wire;

import java.util.HexFormat;

/** Test helper: hex with spaces and newlines, as hand-assembled vectors are written. */
final class Hex {
    static final String MARKER = "ffffffffffffffffffffffffffffffff";

    private Hex() {}

    static byte[] bytes(String hex) { return HexFormat.of().parseHex(hex.replaceAll("\\s+", "")); }

    static String of(byte[] b) { return HexFormat.of().formatHex(b); }
}
