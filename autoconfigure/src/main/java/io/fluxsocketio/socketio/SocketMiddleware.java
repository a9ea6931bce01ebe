package io.fluxsocketio.socketio;

import reactor.core.publisher.Mono;

/**
 * Runs when a socket connects to a namespace, before it is accepted: the place for authentication. Complete to
 * let the socket in; fail (best with {@link ConnectionRefusedException}) to refuse it with a CONNECT_ERROR.
 */
@FunctionalInterface
public interface SocketMiddleware {

    Mono<Void> handle(SocketIoSocket socket);
}
