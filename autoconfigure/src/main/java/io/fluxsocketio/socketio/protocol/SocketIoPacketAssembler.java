package io.fluxsocketio.socketio.protocol;

import io.fluxsocketio.socketio.protocol.SocketIoDecoder.Decoded;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilds packets from the messages of one connection: a text part, then as many binary messages as it
 * announced, whose bytes replace the placeholders. One per connection; not thread-safe (a connection's messages
 * arrive one at a time).
 */
public final class SocketIoPacketAssembler {

    private final SocketIoDecoder decoder;

    private Decoded pending;

    private final List<byte[]> attachments = new ArrayList<>();

    public SocketIoPacketAssembler(SocketIoDecoder decoder) {
        this.decoder = decoder;
    }

    /** Whether a binary packet is waiting for attachments. */
    public boolean isAwaitingAttachments() {
        return this.pending != null;
    }

    /** @return the packet, or null when it waits for attachments */
    public SocketIoPacket onText(String text) {
        if (this.pending != null) {
            throw new SocketIoProtocolException("text packet received while " + missing()
                    + " binary attachments were still expected");
        }
        Decoded decoded = this.decoder.decode(text);
        if (decoded.attachments() == 0) {
            return decoded.packet();
        }
        this.pending = decoded;
        return null;
    }

    /** @return the completed packet, or null when more attachments are expected */
    public SocketIoPacket onBinary(byte[] attachment) {
        if (this.pending == null) {
            throw new SocketIoProtocolException("binary message received with no binary packet pending");
        }
        this.attachments.add(attachment);
        if (missing() > 0) {
            return null;
        }
        SocketIoPacket packet = reconstruct(this.pending.packet(), this.attachments);
        this.pending = null;
        this.attachments.clear();
        return packet;
    }

    private int missing() {
        return this.pending.attachments() - this.attachments.size();
    }

    private static SocketIoPacket reconstruct(SocketIoPacket packet, List<byte[]> attachments) {
        boolean[] used = new boolean[attachments.size()];
        SocketIoPacket result = switch (packet.type()) {
            case EVENT -> {
                Event event = (Event) packet;
                yield new Event(event.namespace(), event.ackId(), (ArrayNode) fill(event.data(), attachments, used));
            }
            case ACK -> {
                Ack ack = (Ack) packet;
                yield new Ack(ack.namespace(), ack.ackId(), (ArrayNode) fill(ack.data(), attachments, used));
            }
            case CONNECT, DISCONNECT, CONNECT_ERROR -> throw new SocketIoProtocolException(
                    "only events and acks carry attachments");
        };
        for (boolean wasUsed : used) {
            if (!wasUsed) {
                throw new SocketIoProtocolException("binary attachment without a placeholder");
            }
        }
        return result;
    }

    /** Replaces placeholders in a tree that only this connection has seen so far. */
    private static JsonNode fill(JsonNode node, List<byte[]> attachments, boolean[] used) {
        if (node instanceof ObjectNode object) {
            JsonNode marker = object.get("_placeholder");
            if (marker != null && marker.isBoolean() && marker.booleanValue()) {
                JsonNode num = object.get("num");
                if (num == null || !num.isInt() || num.intValue() < 0 || num.intValue() >= attachments.size()) {
                    throw new SocketIoProtocolException("placeholder with an invalid attachment number");
                }
                used[num.intValue()] = true;
                return BinaryNode.valueOf(attachments.get(num.intValue()));
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(fill(field.getValue(), attachments, used));
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), attachments, used));
            }
        }
        return node;
    }
}
