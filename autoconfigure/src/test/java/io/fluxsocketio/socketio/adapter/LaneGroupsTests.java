package io.fluxsocketio.socketio.adapter;

import io.fluxsocketio.engineio.WriteLane;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;
import io.fluxsocketio.socketio.protocol.EncodedPacket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Broadcasts to large rooms walk each event loop's members on that loop, and never lose a member that moved. */
class LaneGroupsTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DefaultEventLoop first = new DefaultEventLoop();

    private final DefaultEventLoop second = new DefaultEventLoop();

    private final Map<String, Member> members = new ConcurrentHashMap<>();

    private final InMemoryAdapter adapter = new InMemoryAdapter(new TestNamespace(this.members::get));

    @AfterEach
    void stopLoops() {
        this.first.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
        this.second.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void eachMemberOfALargeRoomIsWrittenToOnItsOwnEventLoop() {
        for (int i = 0; i < 20; i++) {
            join("s" + i, (i % 3 == 0) ? null : (i % 3 == 1) ? this.first : this.second, "big");
        }

        broadcast("big", Set.of("s1"));

        await().atMost(WAIT).until(() -> delivered("s2") == 1 && delivered("s19") == 1);
        for (int i = 0; i < 20; i++) {
            Member member = this.members.get("s" + i);
            assertThat(member.threads).as(member.id).hasSize(member.id.equals("s1") ? 0 : 1);
            if (member.loop != null && !member.threads.isEmpty()) {
                assertThat(member.loop.inEventLoop(member.threads.get(0))).as(member.id + " on its loop").isTrue();
            }
        }
        assertThat(this.members.get("s0").threads).containsExactly(Thread.currentThread());
    }

    @Test
    void membersWhoJoinOrLeaveAfterABroadcastAreCountedInTheNext() {
        for (int i = 0; i < 12; i++) {
            join("s" + i, this.first, "big");
        }
        broadcast("big", Set.of());

        join("late", this.second, "big");
        this.adapter.delete("s0", "big");
        broadcast("big", Set.of());

        await().atMost(WAIT).until(() -> delivered("late") == 1 && delivered("s11") == 2);
        assertThat(delivered("s0")).isEqualTo(1);
        assertThat(delivered("s1")).isEqualTo(2);
    }

    @Test
    void aMemberWhoseConnectionMovedToAnotherLoopStillGetsEveryBroadcast() {
        for (int i = 0; i < 12; i++) {
            join("s" + i, null, "big");
        }
        broadcast("big", Set.of());

        // An upgrade from polling to WebSocket: the member is now written to by an event loop.
        Member moved = this.members.get("s5");
        moved.loop = this.first;
        moved.lane = WriteLane.of(this.first);
        broadcast("big", Set.of());
        broadcast("big", Set.of());

        await().atMost(WAIT).until(() -> delivered("s5") == 3);
        assertThat(this.first.inEventLoop(moved.threads.get(2))).as("regrouped onto its new loop").isTrue();
        assertThat(delivered("s4")).isEqualTo(3);
    }

    @Test
    void aBroadcastToEveryoneIsGroupedToo() {
        for (int i = 0; i < 12; i++) {
            join("s" + i, this.second, null);
        }

        this.adapter.broadcast(packet(), new BroadcastOptions(Set.of(), Set.of("s3"), false, false));

        await().atMost(WAIT).until(() -> delivered("s11") == 1 && delivered("s0") == 1);
        assertThat(delivered("s3")).isZero();
    }

    private void join(String id, DefaultEventLoop loop, String room) {
        this.members.put(id, new Member(id, loop));
        this.adapter.addAll(id, (room != null) ? Set.of(id, room) : Set.of(id));
    }

    private void broadcast(String room, Set<String> except) {
        this.adapter.broadcast(packet(), new BroadcastOptions(Set.of(room), except, false, false));
    }

    private int delivered(String id) {
        return this.members.get(id).threads.size();
    }

    private static EncodedPacket packet() {
        return new EncodedPacket(List.of(new TextMessage("2[\"news\"]")));
    }

    /** A socket written to by an event loop (null: by any thread), recording the threads its packets came from. */
    private static final class Member implements AdapterNamespace.Recipient {

        final String id;

        final List<Thread> threads = new CopyOnWriteArrayList<>();

        volatile DefaultEventLoop loop;

        volatile Executor lane;

        Member(String id, DefaultEventLoop loop) {
            this.id = id;
            this.loop = loop;
            this.lane = (loop != null) ? WriteLane.of(loop) : null;
        }

        @Override
        public void deliver(EncodedPacket packet, boolean volatileDelivery) {
            this.threads.add(Thread.currentThread());
        }

        @Override
        public Executor writeExecutor() {
            return this.lane;
        }
    }
}
