package io.fluxsocketio.engineio.protocol;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.Open;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the small, flat JSON object of the open packet. Written by hand: the object has five known
 * fields, and the protocol layer stays free of a JSON library.
 */
final class OpenPacketJson {

    private OpenPacketJson() {
    }

    static String write(Open open) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"sid\":\"").append(open.sid()).append("\",\"upgrades\":[");
        for (int i = 0; i < open.upgrades().size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(open.upgrades().get(i)).append('"');
        }
        return json.append("],\"pingInterval\":").append(open.pingInterval())
                .append(",\"pingTimeout\":").append(open.pingTimeout())
                .append(",\"maxPayload\":").append(open.maxPayload())
                .append('}').toString();
    }

    static Open read(String json) {
        Reader reader = new Reader(json);
        String sid = null;
        List<String> upgrades = List.of();
        long pingInterval = 0;
        long pingTimeout = 0;
        long maxPayload = 0;
        reader.expect('{');
        if (!reader.tryConsume('}')) {
            do {
                String key = reader.string();
                reader.expect(':');
                switch (key) {
                    case "sid" -> sid = reader.string();
                    case "upgrades" -> upgrades = reader.stringArray();
                    case "pingInterval" -> pingInterval = reader.number();
                    case "pingTimeout" -> pingTimeout = reader.number();
                    case "maxPayload" -> maxPayload = reader.number();
                    default -> throw new EngineIoProtocolException("unknown open packet field '" + key + "'");
                }
            }
            while (reader.tryConsume(','));
            reader.expect('}');
        }
        reader.expectEnd();
        if (sid == null) {
            throw new EngineIoProtocolException("open packet without sid");
        }
        return new Open(sid, upgrades, pingInterval, pingTimeout, maxPayload);
    }

    private static final class Reader {

        private final String text;

        private int position;

        Reader(String text) {
            this.text = text;
        }

        void expect(char c) {
            if (!tryConsume(c)) {
                throw error("expected '" + c + "'");
            }
        }

        boolean tryConsume(char c) {
            if (this.position < this.text.length() && this.text.charAt(this.position) == c) {
                this.position++;
                return true;
            }
            return false;
        }

        void expectEnd() {
            if (this.position != this.text.length()) {
                throw error("trailing characters");
            }
        }

        String string() {
            expect('"');
            int end = this.text.indexOf('"', this.position);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = this.text.substring(this.position, end);
            if (value.indexOf('\\') >= 0) {
                throw error("escapes are not used in open packets");
            }
            this.position = end + 1;
            return value;
        }

        List<String> stringArray() {
            expect('[');
            List<String> values = new ArrayList<>();
            if (!tryConsume(']')) {
                do {
                    values.add(string());
                }
                while (tryConsume(','));
                expect(']');
            }
            return values;
        }

        long number() {
            int start = this.position;
            while (this.position < this.text.length() && Character.isDigit(this.text.charAt(this.position))
                    && this.position - start < 18) {
                this.position++;
            }
            if (start == this.position) {
                throw error("expected a number");
            }
            return Long.parseLong(this.text, start, this.position, 10);
        }

        private EngineIoProtocolException error(String what) {
            return new EngineIoProtocolException("invalid open packet: " + what + " at " + this.position);
        }
    }
}
