package io.fluxsocketio.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The echo-ack load: each client connects over WebSocket, joins {@code /}, then sends an event with an ack and waits
 * for the ack before sending the next (closed loop). Frames are built and read with string operations only, so
 * the generator stays cheap; pings are answered.
 */
final class EchoAckLoad {

    static final String PAYLOAD = "\"abcdefghijklmnopqrstuvwxyz012345\"";

    record Result(double acksPerSecond, long p50Micros, long p99Micros, long p999Micros, long acks) {
    }

    private final int port;

    private final int clients;

    private final Duration warmup;

    private final Duration measure;

    EchoAckLoad(int port, int clients, Duration warmup, Duration measure) {
        this.port = port;
        this.clients = clients;
        this.warmup = warmup;
        this.measure = measure;
    }

    Result run() {
        LoopResources loops = LoopResources.create("loadgen", 1, true);
        ConnectionProvider connections = ConnectionProvider.newConnection();
        HttpClient.WebsocketSender http = HttpClient.create(connections).runOn(loops).host("127.0.0.1")
                .port(this.port).websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1_000_000).build());
        long start = System.nanoTime();
        long measureFrom = start + this.warmup.toNanos();
        long end = measureFrom + this.measure.toNanos();
        LatencyHistogram latencies = new LatencyHistogram();
        LongAdder acks = new LongAdder();
        List<Mono<Void>> runs = new ArrayList<>();
        for (int i = 0; i < this.clients; i++) {
            runs.add(new Client(measureFrom, end, latencies, acks).run(http));
        }
        try {
            Flux.merge(runs).then().block(this.warmup.plus(this.measure).plusSeconds(30));
        }
        finally {
            loops.disposeLater().block(Duration.ofSeconds(5));
        }
        double seconds = this.measure.toNanos() / 1e9;
        return new Result(acks.sum() / seconds, latencies.quantile(0.5), latencies.quantile(0.99),
                latencies.quantile(0.999), acks.sum());
    }

    /** One closed-loop client. Its frames are handled on one event-loop thread, so its state needs no locks. */
    private static final class Client {

        private final long measureFrom;

        private final long end;

        private final LatencyHistogram latencies;

        private final LongAdder acks;

        private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();

        /** Ends the inbound stream when the run is over, which closes the connection whatever the server does. */
        private final Sinks.Empty<Void> done = Sinks.empty();

        private long nextId;

        private long sentAt;

        Client(long measureFrom, long end, LatencyHistogram latencies, LongAdder acks) {
            this.measureFrom = measureFrom;
            this.end = end;
            this.latencies = latencies;
            this.acks = acks;
        }

        Mono<Void> run(HttpClient.WebsocketSender http) {
            return http.uri("/socket.io/?EIO=4&transport=websocket").handle((in, out) -> {
                Mono<Void> input = in.receive().asString().doOnNext(this::onFrame).takeUntilOther(this.done.asMono())
                        .then();
                return Mono.when(input, out.sendString(this.outbound.asFlux()).then());
            }).then().onErrorResume(ex -> Mono.empty());
        }

        private void onFrame(String frame) {
            if (frame.startsWith("0{")) {
                this.outbound.tryEmitNext("40");
            }
            else if (frame.startsWith("40")) {
                sendEcho();
            }
            else if (frame.equals("2")) {
                this.outbound.tryEmitNext("3");
            }
            else if (frame.startsWith("43")) {
                long now = System.nanoTime();
                if (now >= this.measureFrom && now < this.end) {
                    this.acks.increment();
                    this.latencies.record((now - this.sentAt) / 1000);
                }
                if (now < this.end) {
                    sendEcho();
                }
                else {
                    this.outbound.tryEmitComplete();
                    this.done.tryEmitEmpty();
                }
            }
        }

        private void sendEcho() {
            this.sentAt = System.nanoTime();
            this.outbound.tryEmitNext("42" + (this.nextId++) + "[\"echo\"," + PAYLOAD + "]");
        }
    }
}
