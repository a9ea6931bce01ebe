package io.fluxsocketio.engineio;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;

/**
 * The only way from the engine up to the layer above it (Socket.IO, or an application that speaks plain
 * Engine.IO). Calls for one session never overlap; they may come from different threads.
 */
public interface EngineIoListener {

    /** A session opened; the open packet is already queued. */
    void onOpen(EngineIoSocket socket);

    /** A message arrived, in the order the client sent it. */
    void onMessage(EngineIoSocket socket, Message message);

    /** The session closed; called once, after which {@link EngineIoSocket#send} does nothing. */
    void onClose(EngineIoSocket socket, CloseReason reason);
}
