package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.util.concurrent.Executor;

/** What an adapter sees of the namespace it serves: its name and its local sockets. */
public interface AdapterNamespace {

    String name();

    /**
     * The socket of this node with that id, or null when it is not (or no longer) here: the same object for one socket
     * each time, as broadcasts leave sockets out by identity.
     */
    Recipient localSocket(String socketId);

    /** A local socket as a destination for packets. */
    interface Recipient {

        /**
         * Writes an encoded packet to the socket's connection.
         * @param volatileDelivery drop it when the connection is not ready to write at once
         */
        void deliver(EncodedPacket packet, boolean volatileDelivery);

        /**
         * What writes to the socket's connection cheapest now, its event loop, or null when any thread writes as
         * cheaply: a broadcast hands each one a walk over its own recipients, which it runs in order with the writes
         * made before. It may change (an upgrade); delivery works from any thread whatever it returns.
         */
        default Executor writeExecutor() {
            return null;
        }
    }
}
