package io.fluxsocketio.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Server-to-client text frames (RFC 6455, section 5.2: final, unmasked) built as one buffer, header and payload
 * together. Netty's frame encoder would take a frame object, allocate a buffer for the header and copy the payload
 * behind it: the same bytes, with an object, a pipeline stage and a reference count more per packet.
 */
final class TextFrames {

    private static final int FIN_TEXT = 0x81;

    private static final int LENGTH_16 = 126;

    private static final int LENGTH_64 = 127;

    private TextFrames() {
    }

    /** A text frame carrying these UTF-8 bytes, which the caller guarantees to be valid UTF-8. */
    static ByteBuf of(ByteBufAllocator allocator, byte[] utf8) {
        int length = utf8.length;
        ByteBuf frame = allocator.ioBuffer(headerLength(length) + length);
        frame.writeByte(FIN_TEXT);
        if (length < LENGTH_16) {
            frame.writeByte(length);
        }
        else if (length <= 0xFFFF) {
            frame.writeByte(LENGTH_16);
            frame.writeShort(length);
        }
        else {
            frame.writeByte(LENGTH_64);
            frame.writeLong(length);
        }
        return frame.writeBytes(utf8);
    }

    static int headerLength(int payloadLength) {
        if (payloadLength < LENGTH_16) {
            return 2;
        }
        return (payloadLength <= 0xFFFF) ? 4 : 10;
    }
}
