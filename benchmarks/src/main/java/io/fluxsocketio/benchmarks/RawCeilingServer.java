package io.fluxsocketio.benchmarks;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.epoll.EpollChannelOption;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The ceiling: the benchmark contract on plain Reactor Netty, packets framed by hand with string scans, no
 * sessions, no heartbeat timers, no namespaces. Whatever our server adds costs throughput relative to this.
 */
public final class RawCeilingServer {

    private static final String OPEN = "0{\"sid\":\"%s\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,"
            + "\"maxPayload\":1000000}";

    private final List<Sinks.Many<String>> fanRoom = new CopyOnWriteArrayList<>();

    public static void main(String[] args) {
        DisposableServer server = new RawCeilingServer().start(Integer.parseInt(args[0]));
        System.out.println("listening on " + server.port());
        server.onDispose().block();
    }

    DisposableServer start(int port) {
        HttpServer http = HttpServer.create().host("127.0.0.1").port(port);
        if (SharedPortIdle.reusePort()) {
            http = http.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        return http
                .handle((request, response) -> response.sendWebsocket((in, out) -> {
                    Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
                    outbound.tryEmitNext(String.format(OPEN, UUID.randomUUID()));
                    Mono<Void> input = in.receive().asString().doOnNext(frame -> onFrame(frame, outbound)).then()
                            .doFinally(signal -> this.fanRoom.remove(outbound));
                    return Mono.when(input, out.sendString(outbound.asFlux()).then());
                }, WebsocketServerSpec.builder().maxFramePayloadLength(1_000_000).build()))
                .bindNow();
    }

    private void onFrame(String frame, Sinks.Many<String> outbound) {
        if (frame.equals("40")) {
            emit(outbound, "40{\"sid\":\"" + UUID.randomUUID() + "\"}");
        }
        else if (frame.startsWith("42")) {
            int idEnd = 2;
            while (idEnd < frame.length() && Character.isDigit(frame.charAt(idEnd))) {
                idEnd++;
            }
            String id = frame.substring(2, idEnd);
            int nameEnd = frame.indexOf('"', idEnd + 2);
            String name = frame.substring(idEnd + 2, nameEnd);
            String argument = (nameEnd + 2 < frame.length()) ? frame.substring(nameEnd + 2, frame.length() - 1) : "";
            switch (name) {
                case "echo" -> emit(outbound, "43" + id + "[" + argument + "]");
                case "join" -> {
                    this.fanRoom.add(outbound);
                    emit(outbound, "43" + id + "[true]");
                }
                case "fan-out" -> {
                    String packet = "42[\"fanned\"," + argument + "]";
                    for (Sinks.Many<String> member : this.fanRoom) {
                        emit(member, packet);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Serialized per connection, as fan-out writes from other connections' threads. */
    private static void emit(Sinks.Many<String> outbound, String frame) {
        synchronized (outbound) {
            outbound.tryEmitNext(frame);
        }
    }
}
