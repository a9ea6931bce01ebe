package io.fluxsocketio.socketio.adapter;

/** Creates the adapter of each namespace; declare a bean of this type to replace the in-memory adapter. */
@FunctionalInterface
public interface AdapterFactory {

    Adapter create(AdapterNamespace namespace);
}
