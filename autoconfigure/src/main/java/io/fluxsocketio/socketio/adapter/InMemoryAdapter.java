package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The adapter of a single node: a two-way index of rooms to sockets and sockets to rooms. Entries are
 * changed atomically per key, within the map's {@code compute}, so a room never outlives its last member.
 */
public final class InMemoryAdapter implements Adapter {

    private final AdapterNamespace namespace;

    private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> socketRooms = new ConcurrentHashMap<>();

    public InMemoryAdapter(AdapterNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public void addAll(String socketId, Set<String> roomsToJoin) {
        for (String room : roomsToJoin) {
            this.socketRooms.compute(socketId, (id, joined) -> MemberSets.with(joined, room));
            this.rooms.compute(room, (name, members) -> MemberSets.with(members, socketId));
        }
    }

    @Override
    public void delete(String socketId, String room) {
        // A socket in no room at all still gets broadcasts to everyone: its entry stays until it leaves.
        this.socketRooms.computeIfPresent(socketId, (id, joined) -> {
            Set<String> left = MemberSets.without(joined, room);
            return (left != null) ? left : Set.of();
        });
        leaveRoom(socketId, room);
    }

    @Override
    public void deleteAll(String socketId) {
        Set<String> joined = this.socketRooms.remove(socketId);
        if (joined != null) {
            for (String room : joined) {
                leaveRoom(socketId, room);
            }
        }
    }

    private void leaveRoom(String socketId, String room) {
        this.rooms.computeIfPresent(room, (name, members) -> MemberSets.without(members, socketId));
    }

    @Override
    public void broadcast(EncodedPacket packet, BroadcastOptions options) {
        forEachSelected(options, socketId -> {
            AdapterNamespace.Recipient recipient = this.namespace.localSocket(socketId);
            if (recipient != null) {
                recipient.deliver(packet, options.volatileDelivery());
            }
        });
    }

    @Override
    public Set<String> sockets(BroadcastOptions options) {
        Set<String> selected = new HashSet<>();
        forEachSelected(options, selected::add);
        return selected;
    }

    /** Each socket the options select: the rooms' members (or everyone) less the excluded rooms' members. */
    private void forEachSelected(BroadcastOptions options, Consumer<String> action) {
        Set<String> excluded = union(options.except());
        if (excluded.isEmpty()) {
            // To a room, the common broadcast: no look-up per member (a cache miss on each id's hash).
            candidates(options).forEach(action);
            return;
        }
        for (String socketId : candidates(options)) {
            if (!excluded.contains(socketId)) {
                action.accept(socketId);
            }
        }
    }

    /** The sockets the options name before exclusions: the rooms' members, or every socket when no room is named. */
    private Set<String> candidates(BroadcastOptions options) {
        return options.rooms().isEmpty() ? this.socketRooms.keySet() : union(options.rooms());
    }

    /**
     * The members of these rooms, for reading only. One room, the common case, is its own live set, so a broadcast
     * to a room or a socket left out by its id copies nothing; several rooms are merged into a new set.
     */
    private Set<String> union(Set<String> roomNames) {
        if (roomNames.isEmpty()) {
            return Set.of();
        }
        if (roomNames.size() == 1) {
            Set<String> inRoom = this.rooms.get(roomNames.iterator().next());
            return (inRoom != null) ? inRoom : Set.of();
        }
        Set<String> members = new HashSet<>();
        for (String room : roomNames) {
            Set<String> inRoom = this.rooms.get(room);
            if (inRoom != null) {
                members.addAll(inRoom);
            }
        }
        return members;
    }

    @Override
    public Set<String> socketRooms(String socketId) {
        Set<String> joined = this.socketRooms.get(socketId);
        return (joined != null) ? Collections.unmodifiableSet(new HashSet<>(joined)) : Set.of();
    }

    @Override
    public Set<String> rooms() {
        return Collections.unmodifiableSet(new HashSet<>(this.rooms.keySet()));
    }
}
