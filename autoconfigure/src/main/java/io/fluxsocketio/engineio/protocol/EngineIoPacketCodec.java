package io.fluxsocketio.engineio.protocol;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Open;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Ping;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Pong;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;

import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes single Engine.IO packets as they travel in one WebSocket frame: text packets as
 * {@code <type><data>}, binary messages as raw bytes.
 */
public final class EngineIoPacketCodec {

    private EngineIoPacketCodec() {
    }

    /** Encodes a packet as text. A binary message cannot be text here; {@link EngineIoPayloadCodec} base64s it. */
    public static String encode(EngineIoPacket packet) {
        // Switch expressions over the enum are checked for exhaustiveness on Java 17, like a sealed switch.
        return switch (packet.type()) {
            case OPEN -> "0" + OpenPacketJson.write((Open) packet);
            case CLOSE -> "1";
            case PING -> withData('2', ((Ping) packet).data());
            case PONG -> withData('3', ((Pong) packet).data());
            case MESSAGE -> {
                if (packet instanceof TextMessage message) {
                    yield "4" + message.text();
                }
                throw new IllegalArgumentException("binary messages have no text form");
            }
            case UPGRADE -> "5";
            case NOOP -> "6";
        };
    }

    private static String withData(char type, String data) {
        return data == null ? String.valueOf(type) : type + data;
    }

    /** Decodes one text packet. */
    public static EngineIoPacket decode(String text) {
        if (text == null || text.isEmpty()) {
            throw new EngineIoProtocolException("empty packet");
        }
        String data = text.substring(1);
        return switch (text.charAt(0)) {
            case '0' -> OpenPacketJson.read(data);
            case '1' -> requireNoData(text, EngineIoPacket.CLOSE);
            case '2' -> data.isEmpty() ? EngineIoPacket.PING : new Ping(data);
            case '3' -> data.isEmpty() ? EngineIoPacket.PONG : new Pong(data);
            case '4' -> new TextMessage(data);
            case '5' -> requireNoData(text, EngineIoPacket.UPGRADE);
            case '6' -> requireNoData(text, EngineIoPacket.NOOP);
            default -> throw new EngineIoProtocolException("unknown packet type '" + printable(text.charAt(0)) + "'");
        };
    }

    /**
     * Decodes one text packet from its UTF-8 bytes, which the caller has checked. A message's text, nearly every
     * packet, is read from behind its type: no copy of the whole text to cut it from.
     */
    public static EngineIoPacket decodeText(byte[] utf8) {
        if (utf8.length > 0 && utf8[0] == '4') {
            return new TextMessage(new String(utf8, 1, utf8.length - 1, StandardCharsets.UTF_8));
        }
        return decode(new String(utf8, StandardCharsets.UTF_8));
    }

    /** A binary WebSocket frame is always a message. */
    public static Message decode(byte[] frame) {
        return new BinaryMessage(frame);
    }

    private static EngineIoPacket requireNoData(String text, EngineIoPacket packet) {
        if (text.length() != 1) {
            throw new EngineIoProtocolException("packet type '" + text.charAt(0) + "' carries no data");
        }
        return packet;
    }

    static String printable(char c) {
        return (c >= 0x20 && c < 0x7f) ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
