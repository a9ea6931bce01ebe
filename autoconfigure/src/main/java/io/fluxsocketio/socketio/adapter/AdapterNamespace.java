package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.socketio.protocol.EncodedPacket;

/** What an adapter sees of the namespace it serves: its name and its local sockets. */
public interface AdapterNamespace {

    String name();

    /** The socket of this node with that id, or null when it is not (or no longer) here. */
    Recipient localSocket(String socketId);

    /** A local socket as a destination for packets. */
    interface Recipient {

        /**
         * Writes an encoded packet to the socket's connection.
         * @param volatileDelivery drop it when the connection is not ready to write at once
         */
        void deliver(EncodedPacket packet, boolean volatileDelivery);
    }
}
