package io.fluxsocketio.benchmarks;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Idle connections: opens N WebSocket clients that join {@code /} and then only answer pings, holds them while the
 * caller measures, and closes them. Bounded in count and in the connects in flight.
 */
final class IdleLoad implements AutoCloseable {

    private final LoopResources loops = LoopResources.create("idlegen", 1, true);

    private final Sinks.Empty<Void> release = Sinks.empty();

    private final AtomicInteger joined = new AtomicInteger();

    /** The local address connections come from: one address has about 28,000 ephemeral ports towards one server. */
    private final String sourceAddress;

    IdleLoad() {
        this("127.0.0.1");
    }

    IdleLoad(String sourceAddress) {
        this.sourceAddress = sourceAddress;
    }

    /** Opens the connections and waits until all have joined (or the timeout passes); returns how many joined. */
    int open(int port, int connections, Duration timeout) {
        HttpClient.WebsocketSender http = HttpClient.create(ConnectionProvider.newConnection()).runOn(this.loops)
                .bindAddress(() -> new InetSocketAddress(this.sourceAddress, 0)).host("127.0.0.1").port(port)
                .websocket(WebsocketClientSpec.builder().build());
        Flux.range(0, connections)
                .flatMap(i -> connect(http).then(Mono.<Void>empty()), 256)
                .subscribe();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (this.joined.get() < connections && System.nanoTime() < deadline) {
            ServerProcess.sleep(200);
        }
        return this.joined.get();
    }

    private Mono<Void> connect(HttpClient.WebsocketSender http) {
        Sinks.One<Void> connected = Sinks.one();
        http.uri("/socket.io/?EIO=4&transport=websocket").handle((in, out) -> {
            Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
            Mono<Void> input = in.receive().asString().doOnNext(frame -> {
                if (frame.startsWith("0{")) {
                    outbound.tryEmitNext("40");
                }
                else if (frame.startsWith("40")) {
                    this.joined.incrementAndGet();
                    connected.tryEmitEmpty();
                }
                else if (frame.equals("2")) {
                    outbound.tryEmitNext("3");
                }
            }).takeUntilOther(this.release.asMono()).then();
            return Mono.when(input, out.sendString(outbound.asFlux()).then());
        }).then().onErrorResume(ex -> Mono.empty()).subscribe();
        return connected.asMono();
    }

    @Override
    public void close() {
        this.release.tryEmitEmpty();
        ServerProcess.sleep(2000);
        this.loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
