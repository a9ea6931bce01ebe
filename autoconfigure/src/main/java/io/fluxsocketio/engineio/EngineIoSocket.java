package io.fluxsocketio.engineio;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;

import java.util.List;

/** One Engine.IO session as the layer above sees it. Every method is safe to call from any thread. */
public interface EngineIoSocket {

    /** The session id, the {@code sid} of the handshake. */
    String id();

    /** What the client sent when the session opened. */
    EngineIoHandshake handshake();

    /** {@code "polling"} or {@code "websocket"}: the transport currently in use. */
    String transportName();

    boolean isOpen();

    /**
     * The event loop that writes to the current transport, or null when any thread writes as cheaply (polling). It
     * changes with the transport: a hint for grouping writes, never needed for their correctness.
     */
    default WriteLane lane() {
        return null;
    }

    /**
     * Queues messages to be written together, in order, with nothing from other threads between them (a Socket.IO
     * packet and its binary attachments). When the outbound buffer would exceed its bound the session closes.
     * @param volatileDelivery drop the messages instead when the transport is not ready to write right now
     * @return whether the messages were queued
     */
    boolean send(List<? extends Message> messages, boolean volatileDelivery);

    default boolean send(Message message) {
        return send(List.of(message), false);
    }

    /** Closes the session after writing what is queued. */
    void close();

    /** Closes the session for the given reason. */
    void close(CloseReason reason);

    /** A slot for the layer above to keep its per-session state without a map lookup. */
    void attach(Object attachment);

    <T> T attachment();
}
