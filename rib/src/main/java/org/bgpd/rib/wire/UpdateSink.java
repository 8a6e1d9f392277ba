package org.bgpd.rib.wire;

/**
 * Receives each UPDATE body the encoder produces. The bytes are only valid during the call (the
 * encoder reuses its buffer), so a sink copies them, e.g. into a pooled Netty buffer.
 */
@FunctionalInterface
public interface UpdateSink {
    void update(byte[] body, int off, int len);
}
