package io.fluxsocketio.socketio;

import io.fluxsocketio.engineio.OutboundBatch;
import io.fluxsocketio.socketio.adapter.BroadcastOptions;
import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

/**
 * An immutable selection of sockets in one namespace: each of {@link #to}, {@link #except} and the flags returns a
 * new operator, so operators can be kept and shared between threads.
 */
public final class BroadcastOperator {

    private final Namespace namespace;

    private final Set<String> rooms;

    private final Set<String> except;

    private final boolean volatileDelivery;

    private final boolean local;

    BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, boolean volatileDelivery,
            boolean local) {
        this.namespace = namespace;
        this.rooms = Set.copyOf(rooms);
        this.except = Set.copyOf(except);
        this.volatileDelivery = volatileDelivery;
        this.local = local;
    }

    /** Adds rooms whose members receive the broadcast. */
    public BroadcastOperator to(String... rooms) {
        return new BroadcastOperator(this.namespace, union(this.rooms, rooms), this.except, this.volatileDelivery,
                this.local);
    }

    /** The same as {@link #to}. */
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    /** Leaves out the members of these rooms (a socket id is a room holding that socket). */
    public BroadcastOperator except(String... rooms) {
        return new BroadcastOperator(this.namespace, this.rooms, union(this.except, rooms), this.volatileDelivery,
                this.local);
    }

    /** Drops the packet for sockets whose connection is not ready to write at once. */
    public BroadcastOperator volatileDelivery() {
        return new BroadcastOperator(this.namespace, this.rooms, this.except, true, this.local);
    }

    /** Stays on this node even when the adapter spans a cluster. */
    public BroadcastOperator local() {
        return new BroadcastOperator(this.namespace, this.rooms, this.except, this.volatileDelivery, true);
    }

    /** Sends an event to every selected socket; the packet is encoded once, whatever the number of recipients. */
    public void emit(String event, Object... args) {
        EncodedPacket packet = this.namespace.encodeEvent(event, null, args);
        OutboundBatch.run(() -> this.namespace.adapter().broadcast(packet, options()));
    }

    /** The selected sockets of this node. */
    public Mono<List<SocketIoSocket>> fetchSockets() {
        return Mono.fromSupplier(() -> this.namespace.adapter().sockets(options()).stream()
                .map(this.namespace::socket)
                .filter(socket -> socket != null)
                .collect(Collectors.toList()));
    }

    /** Makes the selected sockets join these rooms. */
    public void socketsJoin(String... rooms) {
        forEachSelected(socket -> socket.join(rooms));
    }

    /** Makes the selected sockets leave this room. */
    public void socketsLeave(String room) {
        forEachSelected(socket -> socket.leave(room));
    }

    /** Disconnects the selected sockets; with {@code close}, their whole connections. */
    public void disconnectSockets(boolean close) {
        forEachSelected(socket -> socket.disconnect(close));
    }

    private void forEachSelected(java.util.function.Consumer<SocketIoSocket> action) {
        for (String id : this.namespace.adapter().sockets(options())) {
            SocketIoSocket socket = this.namespace.socket(id);
            if (socket != null) {
                action.accept(socket);
            }
        }
    }

    BroadcastOptions options() {
        return new BroadcastOptions(this.rooms, this.except, this.volatileDelivery, this.local);
    }

    private static Set<String> union(Set<String> current, String... more) {
        Set<String> all = new HashSet<>(current);
        all.addAll(List.of(more));
        return all;
    }
}
