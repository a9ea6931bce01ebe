package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;
import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAdapterTests {

    private final Map<String, List<EncodedPacket>> delivered = new HashMap<>();

    private final Map<String, Boolean> volatileFlags = new HashMap<>();

    private final Map<String, AdapterNamespace.Recipient> recipients = new HashMap<>();

    // One object per socket, as a namespace keeps them: exclusions are matched by identity.
    private final InMemoryAdapter adapter = new InMemoryAdapter(new TestNamespace(socketId -> this.recipients
            .computeIfAbsent(socketId, id -> (packet, volatileDelivery) -> {
                this.delivered.computeIfAbsent(id, key -> new ArrayList<>()).add(packet);
                this.volatileFlags.put(id, volatileDelivery);
            })));

    private final EncodedPacket packet = new EncodedPacket(List.of(new TextMessage("2[\"news\"]")));

    @Test
    void broadcastHandsTheSameEncodedPacketToEveryMember() {
        for (String id : List.of("a", "b", "c", "d")) {
            this.adapter.addAll(id, Set.of(id));
        }
        this.adapter.addAll("a", Set.of("room"));
        this.adapter.addAll("b", Set.of("room"));
        this.adapter.addAll("c", Set.of("room", "muted"));

        this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of("room"), Set.of("muted"), true, false));

        assertThat(this.delivered).containsOnlyKeys("a", "b");
        assertThat(this.delivered.values()).allSatisfy(packets -> assertThat(packets).singleElement().isSameAs(this.packet));
        assertThat(this.volatileFlags).containsValues(true);
    }

    @Test
    void broadcastWithoutRoomsReachesEverySocketButTheExcluded() {
        for (String id : List.of("a", "b", "c")) {
            this.adapter.addAll(id, Set.of(id));
        }

        this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of(), Set.of("b"), false, false));

        assertThat(this.delivered).containsOnlyKeys("a", "c");
    }

    @Test
    void roomsDisappearWithTheirLastMemberInBothDirections() {
        this.adapter.addAll("a", Set.of("a", "room", "other"));
        this.adapter.addAll("b", Set.of("b", "room"));

        this.adapter.delete("a", "other");
        assertThat(this.adapter.rooms()).containsExactlyInAnyOrder("a", "b", "room");
        assertThat(this.adapter.socketRooms("a")).containsExactlyInAnyOrder("a", "room");

        this.adapter.deleteAll("a");
        this.adapter.deleteAll("b");
        assertThat(this.adapter.rooms()).isEmpty();
        assertThat(this.adapter.socketRooms("a")).isEmpty();
        assertThat(this.adapter.sockets(BroadcastOptions.ALL)).isEmpty();
    }

    @Test
    void aSocketThatLeftEveryRoomStillGetsBroadcastsToAll() {
        this.adapter.addAll("a", Set.of("a"));
        this.adapter.delete("a", "a");

        this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of(), Set.of(), false, false));

        assertThat(this.delivered).containsOnlyKeys("a");
        assertThat(this.adapter.socketRooms("a")).isEmpty();
        assertThat(this.adapter.rooms()).isEmpty();
    }

    @Test
    void aLargeRoomReachesEveryMemberAndEmptiesOut() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("s" + i);
            this.adapter.addAll("s" + i, Set.of("s" + i, "big"));
        }

        this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of("big"), Set.of("s0"), false, false));

        assertThat(this.delivered).hasSize(999).doesNotContainKey("s0");
        ids.forEach(this.adapter::deleteAll);
        assertThat(this.adapter.rooms()).isEmpty();
    }
}
