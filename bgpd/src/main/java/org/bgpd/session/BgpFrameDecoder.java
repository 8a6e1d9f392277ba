package org.bgpd.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.bgpd.rib.wire.WireError;
import org.bgpd.wire.MessageDecoder;
import org.bgpd.wire.MessageHeader;

/**
 * Owned by one channel's event loop; not thread-safe.
 *
 * <p>Cuts the TCP byte stream into BGP messages (RFC 4271 §4.1) and decodes each with
 * {@link MessageDecoder}. Passes downstream a {@link org.bgpd.wire.BgpMessage} or, once, a
 * {@link FramingError}; never throws up the pipeline.
 *
 * <p>The header is judged as soon as its 19 bytes are in, so a bad marker or length is reported
 * without waiting for a body and a length over the maximum is never buffered. After an error
 * the stream has lost sync, so all further input is discarded until the session closes it.
 * One message is emitted per {@code decode} call: Netty fires it before decoding the next,
 * which lets the session call {@link #setMaxLength} after OPEN before the next frame is cut.
 */
public final class BgpFrameDecoder extends ByteToMessageDecoder {
    private int maxLength = MessageHeader.MAX_LENGTH;
    private boolean failed;

    /** 4096, or 65535 after RFC 8654 extended messages are negotiated. Call on the event loop. */
    public void setMaxLength(int maxLength) {
        if (maxLength < MessageHeader.MAX_LENGTH || maxLength > MessageHeader.EXTENDED_MAX_LENGTH) {
            throw new IllegalArgumentException("max length " + maxLength + " outside 4096..65535");
        }
        this.maxLength = maxLength;
    }

    public int maxLength() { return maxLength; }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < MessageHeader.LENGTH) return;
        int start = in.readerIndex();
        boolean marker = in.getLong(start) == -1L && in.getLong(start + 8) == -1L;
        int length = in.getUnsignedShort(start + MessageHeader.MARKER_LENGTH);
        int type = in.getUnsignedByte(start + MessageHeader.MARKER_LENGTH + 2);
        WireError headerError = MessageHeader.check(marker, length, type, maxLength);
        if (headerError != null) {
            fail(in, out, headerError);
            return;
        }
        if (in.readableBytes() < length) return;
        in.skipBytes(MessageHeader.LENGTH);
        byte[] body = new byte[length - MessageHeader.LENGTH];
        in.readBytes(body);
        switch (MessageDecoder.decodeBody(type, body)) {
            case MessageDecoder.Decoded d -> out.add(d.message());
            case MessageDecoder.Malformed m -> fail(in, out, m.error());
        }
    }

    private void fail(ByteBuf in, List<Object> out, WireError error) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(new FramingError(error));
    }
}
