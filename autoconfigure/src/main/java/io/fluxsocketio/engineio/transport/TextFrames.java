package io.fluxsocketio.engineio.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Server-to-client text frames (RFC 6455, section 5.2: final, unmasked) built as one buffer, header and payload
 * together, and the text read out of client-to-server ones. Netty's frame encoder would take a frame object, allocate
 * a buffer for the header and copy the payload behind it: the same bytes, with an object, a pipeline stage and a
 * reference count more per packet.
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

    /**
     * The UTF-8 bytes of a client's text frame, or null when they are not valid UTF-8. The bytes are copied out at
     * once and checked there: byte-by-byte reads of a direct buffer go through a {@code ByteBuffer} on recent JDKs,
     * and checking a frame that way cost as much as the rest of reading it (a perf profile of echo-ack). Most frames
     * are ASCII and need no more than a scan; any other frame gets Netty's full check.
     */
    static byte[] validUtf8(ByteBuf content) {
        byte[] bytes = ByteBufUtil.getBytes(content);
        if (!isAscii(bytes) && !ByteBufUtil.isText(Unpooled.wrappedBuffer(bytes), StandardCharsets.UTF_8)) {
            return null;
        }
        return bytes;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static int headerLength(int payloadLength) {
        if (payloadLength < LENGTH_16) {
            return 2;
        }
        return (payloadLength <= 0xFFFF) ? 4 : 10;
    }
}
