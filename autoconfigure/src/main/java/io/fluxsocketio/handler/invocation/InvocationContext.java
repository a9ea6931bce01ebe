package io.fluxsocketio.handler.invocation;

import io.fluxsocketio.socketio.DisconnectReason;
import io.fluxsocketio.socketio.SocketIoEvent;
import io.fluxsocketio.socketio.SocketIoSocket;

/**
 * What one invocation knows; fields that do not apply are null.
 * @param event the event being handled, for event handlers and for errors they raised
 * @param reason why the socket left, for disconnect handlers
 * @param error what a handler threw, for error handlers
 */
public record InvocationContext(SocketIoSocket socket, SocketIoEvent event, DisconnectReason reason, Throwable error) {

    public static InvocationContext of(SocketIoEvent event) {
        return new InvocationContext(event.socket(), event, null, null);
    }

    public static InvocationContext of(SocketIoSocket socket) {
        return new InvocationContext(socket, null, null, null);
    }

    public static InvocationContext of(SocketIoSocket socket, DisconnectReason reason) {
        return new InvocationContext(socket, null, reason, null);
    }

    public InvocationContext withError(Throwable error) {
        return new InvocationContext(this.socket, this.event, this.reason, error);
    }
}
