package io.fluxsocketio.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The broadcast fan-out load: N receivers join room {@code fan}; one sender emits {@code fan-out} events carrying
 * their send time at a fixed rate, step after step at rising rates, and the server broadcasts each to the room.
 * A step keeps up when every delivery arrives within a short grace after the step and the p99 latency stays under
 * {@link #MAX_P99_MICROS}; the run stops at the first step that does not.
 */
final class FanOutLoad implements AutoCloseable {

    static final long MAX_P99_MICROS = 500_000;

    private static final String FANNED = "42[\"fanned\",";

    /**
     * One step's outcome. {@code serverCpuNanosPerDelivery} is the server's CPU time over the step and its grace,
     * divided by the deliveries: at a rate every server keeps up with, it compares their cost per delivery, which a
     * noisy machine moves far less than the highest rate a server keeps up with. {@code jitNanosPerDelivery} is the
     * part of it the JIT compiler threads took, which is warm-up, not the cost of a delivery.
     */
    record Step(int sendsPerSecond, double deliveriesPerSecond, long p50Micros, long p99Micros, boolean keptUp,
            long serverCpuNanosPerDelivery, long jitNanosPerDelivery) {
    }

    private final ServerProcess server;

    private final LoopResources loops = LoopResources.create("fangen", 1, true);

    private final Sinks.Empty<Void> release = Sinks.empty();

    private final AtomicInteger joined = new AtomicInteger();

    private final LongAdder delivered = new LongAdder();

    private volatile LatencyHistogram latencies = new LatencyHistogram();

    private final Sinks.Many<String> senderOutbound = Sinks.many().unicast().onBackpressureBuffer();

    private final Sinks.One<Void> senderReady = Sinks.one();

    /** Events sent over all steps; read and written by the thread that runs the steps. */
    private long sentTotal;

    FanOutLoad(ServerProcess server) {
        this.server = server;
    }

    /** Connects the receivers and the sender; returns how many receivers joined the room. */
    int open(int port, int receivers, Duration timeout) {
        HttpClient.WebsocketSender http = HttpClient.create(ConnectionProvider.newConnection()).runOn(this.loops)
                .host("127.0.0.1").port(port).websocket(WebsocketClientSpec.builder().build());
        for (int i = 0; i < receivers; i++) {
            connect(http, this::onReceiverFrame, Sinks.many().unicast().onBackpressureBuffer(), null);
        }
        connect(http, frame -> { }, this.senderOutbound, this.senderReady);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (this.joined.get() < receivers && System.nanoTime() < deadline) {
            ServerProcess.sleep(100);
        }
        this.senderReady.asMono().block(timeout);
        return this.joined.get();
    }

    private void connect(HttpClient.WebsocketSender http, java.util.function.Consumer<String> onEvent,
            Sinks.Many<String> outbound, Sinks.One<Void> ready) {
        http.uri("/socket.io/?EIO=4&transport=websocket").handle((in, out) -> {
            Mono<Void> input = in.receive().asString().doOnNext(frame -> {
                if (frame.startsWith("0{")) {
                    outbound.tryEmitNext("40");
                }
                else if (frame.startsWith("40")) {
                    if (ready != null) {
                        ready.tryEmitEmpty();
                    }
                    else {
                        outbound.tryEmitNext("420[\"join\"]");
                    }
                }
                else if (frame.equals("2")) {
                    outbound.tryEmitNext("3");
                }
                else if (frame.startsWith("430")) {
                    this.joined.incrementAndGet();
                }
                else {
                    onEvent.accept(frame);
                }
            }).takeUntilOther(this.release.asMono()).then();
            return Mono.when(input, out.sendString(outbound.asFlux()).then());
        }).then().onErrorResume(ex -> Mono.empty()).subscribe();
    }

    private void onReceiverFrame(String frame) {
        if (frame.startsWith(FANNED)) {
            long sentAt = Long.parseLong(frame, FANNED.length(), frame.length() - 1, 10);
            this.latencies.record((System.nanoTime() - sentAt) / 1000);
            this.delivered.increment();
        }
    }

    /**
     * Climbs the rates once in short steps, unrecorded, before {@link #run}. A JVM compiles the paths each rate takes
     * when it first meets them, and recompiles when batching changes with the rate: measured cold, the step where
     * that happens showed a p99 several times the steps around it (the JIT's log put a burst of deoptimizations
     * there), which says nothing about the server at that rate.
     */
    void warmUp(int receivers, int[] sendRates, Duration stepLength) throws IOException {
        run(receivers, sendRates, stepLength, 0);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (this.delivered.sum() < this.sentTotal * receivers && System.nanoTime() < deadline) {
            // The warm-up's last step fell behind: its backlog must not reach the first measured step.
            ServerProcess.sleep(100);
        }
    }

    /**
     * Sends at each rate for the step's length, or for as long as {@code minimumSends} take at that rate where that
     * is longer, until a step falls behind. A step's p99 is set by its worst 1% of broadcasts, and every receiver of
     * one broadcast shares its delay: in a 5 s step at 100 sends/s, five broadcasts, which one pause of either
     * process can hold up together.
     */
    List<Step> run(int receivers, int[] sendRates, Duration stepLength, int minimumSends) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (int rate : sendRates) {
            long millis = Math.max(stepLength.toMillis(), minimumSends * 1000L / rate);
            Step step = step(receivers, rate, Duration.ofMillis(millis));
            steps.add(step);
            if (!step.keptUp()) {
                break;
            }
        }
        return steps;
    }

    private Step step(int receivers, int rate, Duration length) throws IOException {
        LatencyHistogram histogram = new LatencyHistogram();
        this.latencies = histogram;
        long deliveredBefore = this.delivered.sum();
        long serverCpuBefore = this.server.cpuMillis();
        long jitCpuBefore = this.server.compilerCpuMillis();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long sent = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            long due = (now - start) * rate / 1_000_000_000L;
            for (; sent < due; sent++) {
                this.senderOutbound.tryEmitNext("42[\"fan-out\"," + System.nanoTime() + "]");
            }
            ServerProcess.sleep(2);
        }
        this.sentTotal += sent;
        long expected = sent * receivers;
        long graceEnd = System.nanoTime() + 3_000_000_000L;
        while (this.delivered.sum() - deliveredBefore < expected && System.nanoTime() < graceEnd) {
            ServerProcess.sleep(20);
        }
        long arrived = this.delivered.sum() - deliveredBefore;
        long serverCpuNanos = (this.server.cpuMillis() - serverCpuBefore) * 1_000_000;
        long jitCpuNanos = (this.server.compilerCpuMillis() - jitCpuBefore) * 1_000_000;
        double seconds = length.toNanos() / 1e9;
        long p99 = histogram.quantile(0.99);
        boolean keptUp = arrived >= expected && p99 <= MAX_P99_MICROS;
        return new Step(rate, arrived / seconds, histogram.quantile(0.5), p99, keptUp,
                perDelivery(serverCpuNanos, arrived), perDelivery(jitCpuNanos, arrived));
    }

    private static long perDelivery(long nanos, long deliveries) {
        return (deliveries == 0) ? 0 : nanos / deliveries;
    }

    @Override
    public void close() {
        this.senderOutbound.tryEmitComplete();
        this.release.tryEmitEmpty();
        ServerProcess.sleep(1000);
        this.loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
