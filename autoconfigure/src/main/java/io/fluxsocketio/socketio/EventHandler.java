package io.fluxsocketio.socketio;

/** Handles events a socket receives; registered with {@link SocketIoSocket#on} or {@link SocketIoSocket#onAny}. */
@FunctionalInterface
public interface EventHandler {

    void handle(SocketIoEvent event);
}
