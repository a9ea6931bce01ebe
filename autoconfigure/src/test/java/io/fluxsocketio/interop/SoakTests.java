package io.fluxsocketio.interop;

import io.fluxsocketio.testing.Heap;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waves of official Node clients over every transport connect, join rooms, broadcast, trade acks both ways and
 * leave (see {@code soak.js}). Afterwards nothing of them is left, and the heap is back where it started. The
 * build runs a few waves; {@code -Plong-tests} raises {@code soak.waves}.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "spring.application.name=soak" })
class SoakTests extends LiveServerTests {

    private static final int CLIENTS_PER_WAVE = 300;

    /** Heap kept after the waves beyond the warmed-up start: a few percent, with a floor for the GC's noise. */
    private static final double HEAP_TOLERANCE = 0.05;

    private static final long HEAP_TOLERANCE_FLOOR = 2L << 20;

    @Test
    void wavesOfClientsLeaveNothingBehind() {
        int waves = Integer.getInteger("soak.waves", 3);
        // A first wave loads classes and fills caches that stay; the heap is measured from after it.
        runWaves(1);
        assertNothingLeft();
        assertThat(this.recorder.socketIds()).as("disconnects of the first wave").hasSize(CLIENTS_PER_WAVE);
        this.recorder.clear();
        long heapBefore = Heap.usedAfterGc();
        long started = System.nanoTime();

        runWaves(waves);
        assertNothingLeft();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(this.recorder.socketIds()).as("sockets whose disconnect handler ran")
                .hasSize(waves * CLIENTS_PER_WAVE);
        assertThat(this.recorder.socketIds()).allSatisfy(
                id -> assertThat(this.recorder.timesRecorded(id)).as("disconnect handler runs of " + id).isOne());
        this.recorder.clear();
        long heapAfter = Heap.usedAfterGc();

        System.out.printf("HARDENING soak waves=%d clients=%d seconds=%.1f heapBeforeMiB=%.2f heapAfterMiB=%.2f "
                + "growthPercent=%.2f%n", waves, waves * CLIENTS_PER_WAVE, took.toMillis() / 1000.0,
                Heap.mib(heapBefore), Heap.mib(heapAfter), 100.0 * (heapAfter - heapBefore) / heapBefore);
        assertThat(heapAfter - heapBefore).as("heap kept by %d waves", waves)
                .isLessThan(Math.max((long) (heapBefore * HEAP_TOLERANCE), HEAP_TOLERANCE_FLOOR));
    }

    private void runWaves(int waves) {
        Peers.Run run = Peers.run(Peers.NODE_DIR, 60L + 30L * waves, Peers.requireNode(), "soak.js", baseUrl(),
                String.valueOf(waves), String.valueOf(CLIENTS_PER_WAVE));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("ALL OK clients=" + waves * CLIENTS_PER_WAVE);
    }

    /** No session, socket, room, timer or pending ack of any client is left. */
    private void assertNothingLeft() {
        assertNothingLeft(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(this.server.namespaces().values()).allSatisfy(namespace -> {
                assertThat(namespace.sockets()).as("sockets in " + namespace.name()).isEmpty();
                assertThat(namespace.adapter().rooms()).as("rooms in " + namespace.name()).isEmpty();
            });
            assertThat(this.server.engine().timer().pendingCount()).as("timers: heartbeats, timeouts, acks").isZero();
        });
    }
}
