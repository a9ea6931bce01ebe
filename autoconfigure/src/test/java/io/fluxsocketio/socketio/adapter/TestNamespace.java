package io.fluxsocketio.socketio.adapter;

import java.util.function.Function;

/** The namespace {@code "/"} for adapter tests, its sockets found by the function given. */
record TestNamespace(Function<String, AdapterNamespace.Recipient> sockets) implements AdapterNamespace {

    @Override
    public String name() {
        return "/";
    }

    @Override
    public Recipient localSocket(String socketId) {
        return this.sockets.apply(socketId);
    }
}
