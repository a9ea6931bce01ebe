package io.fluxsocketio.engineio.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One Engine.IO v4 packet. The set is closed so that every {@code switch} over packets is checked by the compiler.
 *
 * @see <a href="https://socket.io/docs/v4/engine-io-protocol/">Engine.IO protocol</a>
 */
public sealed interface EngineIoPacket {

    /** The packet types with their single-character wire codes. */
    enum Type {
        OPEN('0'), CLOSE('1'), PING('2'), PONG('3'), MESSAGE('4'), UPGRADE('5'), NOOP('6');

        private final char code;

        Type(char code) {
            this.code = code;
        }

        public char code() {
            return this.code;
        }
    }

    Type type();

    /** Sent by the server once, when a session opens. */
    record Open(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload)
            implements EngineIoPacket {
        public Open {
            Objects.requireNonNull(sid, "sid");
            upgrades = List.copyOf(upgrades);
        }

        @Override
        public Type type() {
            return Type.OPEN;
        }
    }

    /** Asks the other side to close the session. */
    record Close() implements EngineIoPacket {
        @Override
        public Type type() {
            return Type.CLOSE;
        }
    }

    /** A heartbeat from the server, or the {@code probe} of an upgrade from the client; data may be null. */
    record Ping(String data) implements EngineIoPacket {
        @Override
        public Type type() {
            return Type.PING;
        }
    }

    /** The answer to a {@link Ping}, echoing its data. */
    record Pong(String data) implements EngineIoPacket {
        @Override
        public Type type() {
            return Type.PONG;
        }
    }

    /** Completes the upgrade to another transport. */
    record Upgrade() implements EngineIoPacket {
        @Override
        public Type type() {
            return Type.UPGRADE;
        }
    }

    /** Does nothing; ends a pending long-polling request during an upgrade. */
    record Noop() implements EngineIoPacket {
        @Override
        public Type type() {
            return Type.NOOP;
        }
    }

    /** Application data: the only kind of packet an {@code EngineIoListener} sees. */
    sealed interface Message extends EngineIoPacket {
        @Override
        default Type type() {
            return Type.MESSAGE;
        }
    }

    /**
     * A text message. A class rather than a record so that it can keep its encoded frame: a broadcast hands one
     * message to every recipient, and each recipient's transport then reuses the same bytes.
     */
    final class TextMessage implements Message {

        private final String text;

        private volatile byte[] frame;

        public TextMessage(String text) {
            this.text = Objects.requireNonNull(text, "text");
        }

        public String text() {
            return this.text;
        }

        /** The packet as one UTF-8 frame ({@code 4<text>}), encoded once; callers must not change the array. */
        public byte[] frameUtf8() {
            byte[] encoded = this.frame;
            if (encoded == null) {
                // A race encodes twice, to equal arrays: harmless.
                encoded = messageFrame(this.text);
                this.frame = encoded;
            }
            return encoded;
        }

        /**
         * ASCII text, nearly all of it, is copied once into its frame; {@code "4" + text} and its UTF-8 were two
         * copies and a string more per packet (an allocation profile of echo-ack).
         */
        private static byte[] messageFrame(String text) {
            int length = text.length();
            byte[] frame = new byte[length + 1];
            frame[0] = '4';
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return ("4" + text).getBytes(StandardCharsets.UTF_8);
                }
                frame[i + 1] = (byte) c;
            }
            return frame;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TextMessage that && this.text.equals(that.text);
        }

        @Override
        public int hashCode() {
            return this.text.hashCode();
        }

        @Override
        public String toString() {
            return "TextMessage[text=" + this.text + "]";
        }
    }

    /** A binary message. The array is not copied: senders must not change it after handing it over. */
    record BinaryMessage(byte[] data) implements Message {
        public BinaryMessage {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BinaryMessage that && Arrays.equals(this.data, that.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(this.data);
        }

        @Override
        public String toString() {
            return "BinaryMessage[" + this.data.length + " bytes]";
        }
    }

    Close CLOSE = new Close();
    Upgrade UPGRADE = new Upgrade();
    Noop NOOP = new Noop();
    Ping PING = new Ping(null);
    Pong PONG = new Pong(null);
}
