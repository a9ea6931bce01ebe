package io.fluxsocketio.socketio;

import org.reactivestreams.Publisher;

/**
 * Handles an event asynchronously: the socket's next event waits until the returned publisher completes (when
 * events are ordered per socket). Returning null means done.
 */
@FunctionalInterface
public interface AsyncEventHandler {

    Publisher<?> handle(SocketIoEvent event);
}
