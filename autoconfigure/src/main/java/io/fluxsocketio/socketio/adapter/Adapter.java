package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Keeps the rooms of one namespace and delivers broadcasts, after socket.io-adapter. Implementations must be
 * thread-safe: sockets join, leave and broadcast from any thread.
 */
public interface Adapter extends AutoCloseable {

    /** Adds a socket to rooms (a socket is always in the room named by its own id). */
    void addAll(String socketId, Set<String> rooms);

    /** Removes a socket from one room. */
    void delete(String socketId, String room);

    /** Removes a socket from every room, when it leaves the namespace. */
    void deleteAll(String socketId);

    /** Delivers a packet, encoded once, to every socket the options select. */
    void broadcast(EncodedPacket packet, BroadcastOptions options);

    /** The ids of the sockets (of this node) the options select. */
    Set<String> sockets(BroadcastOptions options);

    /** The rooms a socket of this node is in, or an empty set. */
    Set<String> socketRooms(String socketId);

    /** The rooms that have at least one member on this node. */
    Set<String> rooms();

    /** How many nodes share this namespace. */
    default Mono<Integer> serverCount() {
        return Mono.just(1);
    }

    @Override
    default void close() {
    }
}
