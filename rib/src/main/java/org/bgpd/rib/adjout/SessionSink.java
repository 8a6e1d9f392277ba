package org.bgpd.rib.adjout;

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
     * Sends {@code messages[0, n)} in order, as {@link #send(byte[])} each: how an update group
     * hands a member one turn's messages at once. The array is the sink's to keep; its elements
     * are shared with the other members as above.
     */
    default void send(byte[][] messages, int n) {
        for (int i = 0; i < n; i++) send(messages[i]);
    }
}
