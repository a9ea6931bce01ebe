package io.fluxsocketio.benchmarks;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The handshakes load: each client, in a closed loop, opens a session over long-polling, connects to {@code /},
 * reads the CONNECT reply, and upgrades to WebSocket (probe, {@code 3probe}, {@code 5}). Source addresses rotate
 * over 127.0.0.2-127.0.0.61 so that closed connections waiting in TIME_WAIT do not exhaust the ephemeral ports.
 */
final class HandshakeLoad {

    private static final String PATH = "/socket.io/?EIO=4&transport=";

    private final int port;

    private final int clients;

    private final Duration warmup;

    private final Duration measure;

    private final AtomicInteger sourceAddress = new AtomicInteger();

    /** Failed handshakes by kind, over warm-up and measurement: the rate counts only the ones that completed. */
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    HandshakeLoad(int port, int clients, Duration warmup, Duration measure) {
        this.port = port;
        this.clients = clients;
        this.warmup = warmup;
        this.measure = measure;
    }

    /** Handshakes per second, completed within the measured window. */
    double run() {
        LoopResources loops = LoopResources.create("handshakegen", 1, true);
        HttpClient http = HttpClient.create(ConnectionProvider.create("handshakegen", 2 * this.clients))
                .runOn(loops).host("127.0.0.1").port(this.port)
                .bindAddress(() -> new InetSocketAddress("127.0.0." + (2 + this.sourceAddress.getAndIncrement() % 60), 0));
        long measureFrom = System.nanoTime() + this.warmup.toNanos();
        long end = measureFrom + this.measure.toNanos();
        LongAdder completed = new LongAdder();
        try {
            Flux.range(0, this.clients)
                    .flatMap(client -> Mono.defer(() -> handshake(http))
                            .doOnSuccess(done -> {
                                long now = System.nanoTime();
                                if (now >= measureFrom && now < end) {
                                    completed.increment();
                                }
                            })
                            .onErrorResume(ex -> {
                                this.failures.computeIfAbsent(ex.getClass().getSimpleName() + ": " + ex.getMessage(),
                                        kind -> new LongAdder()).increment();
                                return Mono.empty();
                            })
                            .repeat(() -> System.nanoTime() < end)
                            .then(), this.clients)
                    .then().block(this.warmup.plus(this.measure).plusSeconds(60));
        }
        finally {
            loops.disposeLater().block(Duration.ofSeconds(10));
        }
        return completed.sum() / (this.measure.toNanos() / 1e9);
    }

    /** Failed handshakes by exception and message. */
    Map<String, LongAdder> failures() {
        return this.failures;
    }

    private Mono<Void> handshake(HttpClient http) {
        return get(http, PATH + "polling").flatMap(open -> {
            String sid = open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf('"', open.indexOf("\"sid\":\"") + 7));
            String session = PATH + "polling&sid=" + sid;
            return post(http, session, "40")
                    .then(get(http, session))
                    .filter(reply -> reply.startsWith("40"))
                    .switchIfEmpty(Mono.error(new IllegalStateException("no CONNECT reply")))
                    .then(upgrade(http, PATH + "websocket&sid=" + sid));
        });
    }

    /**
     * Probes and upgrades, then leaves with a close frame once the {@code 5} is written. The inbound is read to its
     * end, not cancelled at {@code 3probe}: cancelling it closed the connection before the {@code 5} went out, so
     * that no upgrade completed and each session stayed open on polling until its ping timeout.
     */
    private Mono<Void> upgrade(HttpClient http, String uri) {
        return http.websocket().uri(uri).handle((in, out) -> {
            Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
            outbound.tryEmitNext("2probe");
            Mono<Void> input = in.receive().asString().doOnNext(frame -> {
                if (frame.equals("3probe")) {
                    outbound.tryEmitNext("5");
                    outbound.tryEmitComplete();
                }
            }).then();
            return Mono.when(input, out.sendString(outbound.asFlux()).then().then(Mono.defer(out::sendClose)));
        }).then();
    }

    private static Mono<String> get(HttpClient http, String uri) {
        return http.get().uri(uri).responseContent().aggregate().asString();
    }

    private static Mono<String> post(HttpClient http, String uri, String body) {
        return http.post().uri(uri).send(ByteBufFlux.fromString(Mono.just(body))).responseContent().aggregate()
                .asString();
    }
}
