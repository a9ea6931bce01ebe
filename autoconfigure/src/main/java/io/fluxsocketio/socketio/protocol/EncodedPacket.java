package io.fluxsocketio.socketio.protocol;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A packet ready for the wire: its text and then its binary attachments, as the Engine.IO messages that carry
 * them. Built once and shared by every recipient of a broadcast.
 */
public record EncodedPacket(List<Message> messages) {

    public EncodedPacket {
        messages = List.copyOf(messages);
    }

    static EncodedPacket of(String text, List<byte[]> attachments) {
        if (attachments.isEmpty()) {
            // Nearly every packet: a list the constructor keeps as it is, not one built and then copied.
            return new EncodedPacket(List.of(new TextMessage(text)));
        }
        List<Message> messages = new ArrayList<>(1 + attachments.size());
        messages.add(new TextMessage(text));
        for (byte[] attachment : attachments) {
            messages.add(new BinaryMessage(attachment));
        }
        return new EncodedPacket(messages);
    }

    /** The text part: the packet header and its JSON. */
    public String text() {
        return ((TextMessage) this.messages.get(0)).text();
    }

    public int attachmentCount() {
        return this.messages.size() - 1;
    }
}
