package io.fluxsocketio.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.epoll.EpollChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The ceiling: the benchmark contract on plain Reactor Netty, packets framed by hand with string scans, no
 * sessions, no heartbeat timers, no namespaces. Whatever our server adds costs throughput relative to this.
 *
 * <p>For the handshakes scenario it also answers the polling handshake by hand: the open packet, a namespace CONNECT
 * posted and its reply taken by the next poll, and the upgrade's probe. That is all the load does over polling, so a
 * poll never has to wait; a session's state is the reply it owes, forgotten once the upgrade completes.
 */
public final class RawCeilingServer {

    private static final String OPEN = "0{\"sid\":\"%s\",\"upgrades\":[%s],\"pingInterval\":25000,"
            + "\"pingTimeout\":20000,\"maxPayload\":1000000}";

    private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

    private static final WebsocketServerSpec WEBSOCKET = WebsocketServerSpec.builder().maxFramePayloadLength(1_000_000)
            .build();

    private final List<Sinks.Many<String>> fanRoom = new CopyOnWriteArrayList<>();

    /** Polling sessions by id, each with the reply its next poll takes (empty until the CONNECT is posted). */
    private final Map<String, String> pollingReplies = new ConcurrentHashMap<>();

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
        return http.handle(this::handle).bindNow();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        String sid = queryValue(uri, "sid");
        if ("polling".equals(queryValue(uri, "transport"))) {
            return polling(request, response, sid);
        }
        return response.sendWebsocket((in, out) -> {
            Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
            if (sid == null) {
                outbound.tryEmitNext(String.format(OPEN, UUID.randomUUID(), ""));
            }
            Mono<Void> input = in.receive().asString().doOnNext(frame -> {
                if (sid != null && frame.equals("2probe")) {
                    emit(outbound, "3probe");
                }
                else if (sid != null && frame.equals("5")) {
                    this.pollingReplies.remove(sid);
                }
                else {
                    onFrame(frame, outbound);
                }
            }).then().doFinally(signal -> {
                this.fanRoom.remove(outbound);
                if (sid != null) {
                    this.pollingReplies.remove(sid);
                }
            });
            return Mono.when(input, out.sendString(outbound.asFlux()).then());
        }, WEBSOCKET);
    }

    private Publisher<Void> polling(HttpServerRequest request, HttpServerResponse response, String sid) {
        response.header(HttpHeaderNames.CONTENT_TYPE, TEXT_PLAIN);
        if (sid == null) {
            String newSid = UUID.randomUUID().toString();
            this.pollingReplies.put(newSid, "");
            return response.sendString(Mono.just(String.format(OPEN, newSid, "\"websocket\"")));
        }
        if (!this.pollingReplies.containsKey(sid)) {
            return response.status(HttpResponseStatus.BAD_REQUEST).send();
        }
        if (request.method().equals(HttpMethod.POST)) {
            return request.receive().aggregate().asString().flatMap(body -> {
                if (body.equals("40")) {
                    this.pollingReplies.replace(sid, "40{\"sid\":\"" + UUID.randomUUID() + "\"}");
                }
                return Mono.from(response.sendString(Mono.just("ok")));
            });
        }
        String reply = this.pollingReplies.replace(sid, "");
        // A noop answers a poll with nothing owed, where a real server would hold it: the load never sends one.
        return response.sendString(Mono.just((reply == null || reply.isEmpty()) ? "6" : reply));
    }

    /** A query parameter's raw value, found by a scan of the URI, or null. */
    private static String queryValue(String uri, String name) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return null;
        }
        String prefix = name + "=";
        for (String parameter : uri.substring(query + 1).split("&")) {
            if (parameter.startsWith(prefix)) {
                return parameter.substring(prefix.length());
            }
        }
        return null;
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
