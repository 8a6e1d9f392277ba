package org.bgpd.session;

import org.bgpd.rib.wire.WireError;

/**
 * Immutable; safe to share.
 *
 * <p>What {@link BgpFrameDecoder} passes downstream instead of a message when the bytes are not a
 * valid BGP message; the session answers with the NOTIFICATION in {@code error} and closes.
 */
public record FramingError(WireError error) {}
