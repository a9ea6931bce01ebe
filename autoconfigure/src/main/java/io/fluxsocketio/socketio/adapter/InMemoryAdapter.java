package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The adapter of a single node: a two-way index of rooms to sockets and sockets to rooms. Entries are
 * changed atomically per key, within the map's {@code compute}, so a room never outlives its last member. A broadcast
 * to a large room, or to everyone, goes through the room's {@link LaneGroups}: one walk per event loop, on that loop.
 */
public final class InMemoryAdapter implements Adapter {

    private final AdapterNamespace namespace;

    private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> socketRooms = new ConcurrentHashMap<>();

    /** The groupings of the rooms large enough to be broadcast to by event loop; made on their first broadcast. */
    private final Map<String, LaneGroups> roomLanes = new ConcurrentHashMap<>();

    private final LaneGroups everyoneLanes = new LaneGroups();

    public InMemoryAdapter(AdapterNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public void addAll(String socketId, Set<String> roomsToJoin) {
        boolean[] arrived = new boolean[1];
        for (String room : roomsToJoin) {
            this.socketRooms.compute(socketId, (id, joined) -> {
                arrived[0] |= (joined == null);
                return MemberSets.with(joined, room);
            });
            this.rooms.compute(room, (name, members) -> MemberSets.with(members, socketId));
            roomChanged(room);
        }
        if (arrived[0]) {
            this.everyoneLanes.membersChanged();
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
            this.everyoneLanes.membersChanged();
            for (String room : joined) {
                leaveRoom(socketId, room);
            }
        }
    }

    private void leaveRoom(String socketId, String room) {
        if (this.rooms.computeIfPresent(room, (name, members) -> MemberSets.without(members, socketId)) == null) {
            this.roomLanes.remove(room);
            return;
        }
        roomChanged(room);
    }

    /** Outdates the room's grouping, after (never before) its members changed. */
    private void roomChanged(String room) {
        LaneGroups lanes = this.roomLanes.get(room);
        if (lanes != null) {
            lanes.membersChanged();
        }
    }

    @Override
    public void broadcast(EncodedPacket packet, BroadcastOptions options) {
        LaneGroups lanes = laneGroups(options.rooms());
        if (lanes != null) {
            Supplier<Set<String>> members = () -> candidates(options);
            lanes.broadcast(members, this.namespace, packet, options.volatileDelivery(), union(options.except()));
            return;
        }
        forEachSelected(options, socketId -> {
            AdapterNamespace.Recipient recipient = this.namespace.localSocket(socketId);
            if (recipient != null) {
                recipient.deliver(packet, options.volatileDelivery());
            }
        });
    }

    /**
     * The grouping for a broadcast to everyone or to one room, when there are enough members for a walk per event loop
     * to pay; null for small rooms (every socket's own, most of all) and for several rooms, merged anew each time.
     */
    private LaneGroups laneGroups(Set<String> roomNames) {
        if (roomNames.isEmpty()) {
            return (this.socketRooms.size() > MemberSets.SMALL) ? this.everyoneLanes : null;
        }
        if (roomNames.size() > 1) {
            return null;
        }
        String room = roomNames.iterator().next();
        Set<String> members = this.rooms.get(room);
        if (members == null || members.size() <= MemberSets.SMALL) {
            return null;
        }
        LaneGroups lanes = this.roomLanes.computeIfAbsent(room, name -> new LaneGroups());
        if (!this.rooms.containsKey(room)) {
            // The room emptied meanwhile: keep no grouping for it.
            this.roomLanes.remove(room, lanes);
        }
        return lanes;
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
