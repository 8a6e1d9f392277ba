package org.bgpd.rib.adjout;

import java.util.Arrays;

/**
 * Where an update group's encoded UPDATEs go: one per established session, implemented in
 * {@code bgpd} (which wraps the bytes in a Netty buffer and writes them) and by fakes in tests.
 * Called on the RIB thread. Each array is one complete UPDATE message including the 19-byte
 * header, encoded once per update group and handed to every member's sink: the same array, so
 * a sink must not modify it (it may keep it and write it from another thread). Within one turn
 * withdrawals are sent before announcements, and End-of-RIB (RFC 4724 §2) after the initial
 * table.
 */
@FunctionalInterface
public interface SessionSink {

    void send(byte[] message);

    /**
     * Sends {@code messages} complete messages laid end to end in {@code bytes}, in
     * {@code spans} runs: run j is {@code bytes[spans[2j], spans[2j] + spans[2j + 1])}. How an
     * update group hands a member one turn's messages at once; {@code bytes} is shared with the
     * other members and nobody modifies it, {@code spans} is the sink's to keep.
     */
    default void send(byte[] bytes, int[] spans, int runs, int messages) {
        for (int j = 0; j < runs; j++) {
            int at = spans[2 * j], end = at + spans[2 * j + 1];
            while (at < end) {
                int len = (bytes[at + 16] & 0xFF) << 8 | (bytes[at + 17] & 0xFF); // RFC 4271 §4.1 header length
                send(Arrays.copyOfRange(bytes, at, at + len));
                at += len;
            }
        }
    }
}
