package io.fluxsocketio.engineio.protocol;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Encodes and decodes HTTP long-polling payloads: packets joined by the record separator {@code \u001e}, binary
 * messages as {@code b<base64>}.
 */
public final class EngineIoPayloadCodec {

    /** The record separator between the packets of one payload. */
    public static final char SEPARATOR = '\u001e';

    private EngineIoPayloadCodec() {
    }

    public static String encode(List<? extends EngineIoPacket> packets) {
        StringBuilder payload = new StringBuilder();
        for (EngineIoPacket packet : packets) {
            if (!payload.isEmpty()) {
                payload.append(SEPARATOR);
            }
            if (packet instanceof BinaryMessage binary) {
                payload.append('b').append(Base64.getEncoder().encodeToString(binary.data()));
            }
            else {
                payload.append(EngineIoPacketCodec.encode(packet));
            }
        }
        return payload.toString();
    }

    /** Decodes a payload; its size was bounded by the transport before it was read. */
    public static List<EngineIoPacket> decode(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new EngineIoProtocolException("empty payload");
        }
        List<EngineIoPacket> packets = new ArrayList<>();
        int start = 0;
        while (start <= payload.length()) {
            int end = payload.indexOf(SEPARATOR, start);
            if (end < 0) {
                end = payload.length();
            }
            packets.add(decodeOne(payload.substring(start, end)));
            start = end + 1;
        }
        return packets;
    }

    private static EngineIoPacket decodeOne(String text) {
        if (!text.isEmpty() && text.charAt(0) == 'b') {
            try {
                return new BinaryMessage(Base64.getDecoder().decode(withoutWhitespace(text.substring(1))));
            }
            catch (IllegalArgumentException ex) {
                throw new EngineIoProtocolException("invalid base64 in binary packet", ex);
            }
        }
        return EngineIoPacketCodec.decode(text);
    }

    /** The Java client wraps base64 at 76 characters, as Android does; Node and Python skip the line breaks too. */
    private static String withoutWhitespace(String base64) {
        for (int i = 0; i < base64.length(); i++) {
            if (Character.isWhitespace(base64.charAt(i))) {
                return base64.replaceAll("\\s+", "");
            }
        }
        return base64;
    }
}
