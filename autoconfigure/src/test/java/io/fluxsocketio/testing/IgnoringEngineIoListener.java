package io.fluxsocketio.testing;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoListener;
import io.fluxsocketio.engineio.EngineIoSocket;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;

/** A listener for tests of the engine's own bookkeeping, where what the sessions say does not matter. */
public final class IgnoringEngineIoListener implements EngineIoListener {

    @Override
    public void onOpen(EngineIoSocket socket) {
    }

    @Override
    public void onMessage(EngineIoSocket socket, Message message) {
    }

    @Override
    public void onClose(EngineIoSocket socket, CloseReason reason) {
    }
}
