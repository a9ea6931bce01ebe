package io.fluxsocketio.socketio;

import org.reactivestreams.Publisher;

/** Told when a socket of a namespace leaves it; runs after the socket's pending events. Returning null means done. */
@FunctionalInterface
public interface DisconnectHandler {

    Publisher<?> handle(SocketIoSocket socket, DisconnectReason reason);
}
