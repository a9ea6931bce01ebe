package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.socketio.adapter.AdapterNamespace.Recipient;
import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

/**
 * The local members of one large room, or of the whole namespace, grouped by what writes to each one's connection
 * cheapest ({@link Recipient#writeExecutor}, its event loop), as the first broadcast after their last change found
 * them. A broadcast then hands each loop one walk over its own members, where each write goes straight to its
 * channel, instead of touching every member on the broadcasting thread and queueing each write for its loop. Members
 * that any thread writes to as cheaply (polling) are walked at once, on the broadcasting thread.
 *
 * <p>The grouping is a hint: a member whose connection has moved to another loop since (an upgrade) still gets the
 * packet, from whichever thread walks it, and the next broadcast regroups.
 */
final class LaneGroups {

    private static final AtomicIntegerFieldUpdater<LaneGroups> VERSION =
            AtomicIntegerFieldUpdater.newUpdater(LaneGroups.class, "version");

    /** Changes after every change of the members: a grouping made under another version is made again. */
    private volatile int version;

    private volatile Grouping grouping;

    /** Called after the members have changed, never before: a grouping made in between is then made again. */
    void membersChanged() {
        VERSION.incrementAndGet(this);
    }

    /**
     * Delivers a packet to the members not excluded.
     * @param members the members' ids, read only when the grouping is made again
     * @param excluded the ids of the sockets left out
     */
    void broadcast(Supplier<Set<String>> members, AdapterNamespace namespace, EncodedPacket packet,
            boolean volatileDelivery, Set<String> excluded) {
        // The version is read before the members: a change that lands during the grouping leaves it outdated.
        int current = this.version;
        Grouping grouping = this.grouping;
        if (grouping == null || grouping.version != current || grouping.outdated) {
            grouping = Grouping.of(members.get(), namespace, current);
            this.grouping = grouping;
        }
        grouping.deliver(packet, volatileDelivery, recipients(excluded, namespace));
    }

    /** The excluded sockets, compared by identity in the walks: no member's id is read there. */
    private static Set<Recipient> recipients(Set<String> ids, AdapterNamespace namespace) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Recipient> recipients = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String id : ids) {
            Recipient recipient = namespace.localSocket(id);
            if (recipient != null) {
                recipients.add(recipient);
            }
        }
        return recipients;
    }

    private static final class Grouping {

        private final int version;

        /** Each group's loop, null for members any thread writes to; parallel to {@link #members}. */
        private final Executor[] lanes;

        private final Recipient[][] members;

        /** Set when a walk finds a member on another loop, or a member was not found: group again next time. */
        private volatile boolean outdated;

        private Grouping(int version, Executor[] lanes, Recipient[][] members, boolean outdated) {
            this.version = version;
            this.lanes = lanes;
            this.members = members;
            this.outdated = outdated;
        }

        static Grouping of(Set<String> ids, AdapterNamespace namespace, int version) {
            List<Executor> lanes = new ArrayList<>(8);
            List<List<Recipient>> groups = new ArrayList<>(8);
            boolean missing = false;
            for (String id : ids) {
                Recipient recipient = namespace.localSocket(id);
                if (recipient == null) {
                    // Joined before its namespace connect completed: not a recipient yet, but soon.
                    missing = true;
                    continue;
                }
                groupOf(recipient.writeExecutor(), lanes, groups).add(recipient);
            }
            Recipient[][] members = new Recipient[groups.size()][];
            for (int i = 0; i < members.length; i++) {
                members[i] = groups.get(i).toArray(new Recipient[0]);
            }
            return new Grouping(version, lanes.toArray(new Executor[0]), members, missing);
        }

        /** A handful of loops: a scan by identity beats hashing them. */
        private static List<Recipient> groupOf(Executor lane, List<Executor> lanes, List<List<Recipient>> groups) {
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i) == lane) {
                    return groups.get(i);
                }
            }
            lanes.add(lane);
            List<Recipient> group = new ArrayList<>();
            groups.add(group);
            return group;
        }

        void deliver(EncodedPacket packet, boolean volatileDelivery, Set<Recipient> excluded) {
            for (int i = 0; i < this.lanes.length; i++) {
                Executor lane = this.lanes[i];
                Recipient[] group = this.members[i];
                if (lane == null) {
                    walk(null, group, packet, volatileDelivery, excluded);
                }
                else {
                    lane.execute(() -> walk(lane, group, packet, volatileDelivery, excluded));
                }
            }
        }

        private void walk(Executor lane, Recipient[] group, EncodedPacket packet, boolean volatileDelivery,
                Set<Recipient> excluded) {
            boolean moved = false;
            for (Recipient recipient : group) {
                if (excluded.isEmpty() || !excluded.contains(recipient)) {
                    recipient.deliver(packet, volatileDelivery);
                }
                moved |= recipient.writeExecutor() != lane;
            }
            if (moved) {
                this.outdated = true;
            }
        }
    }
}
