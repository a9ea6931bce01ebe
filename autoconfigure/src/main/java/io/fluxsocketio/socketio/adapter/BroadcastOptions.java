package io.fluxsocketio.socketio.adapter;

import java.util.Set;

/**
 * Who a broadcast reaches.
 * @param rooms the rooms whose members receive it; empty means every socket of the namespace
 * @param except rooms (socket ids are rooms too) whose members are left out
 * @param volatileDelivery drop the packet for sockets that are not ready to write at once
 * @param local stay on this node, even when the adapter spans a cluster
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean volatileDelivery, boolean local) {

    public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), false, false);

    public BroadcastOptions {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
    }
}
