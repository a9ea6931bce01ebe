package io.fluxsocketio.testing;

import io.socket.client.IO;
import io.socket.client.Socket;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Official Java clients ({@code io.socket:socket.io-client}) for tests, closed together at the end.
 *
 * <p>Each instance has its own OkHttp client: OkHttp's default allows 5 requests per host, and an open WebSocket
 * or a pending long-poll each hold one for their whole life, so a test with a few connections would otherwise
 * queue requests inside the client.
 */
public final class JavaSocketIoClients implements AutoCloseable {

    public static final long TIMEOUT_SECONDS = 10;

    private final OkHttpClient http;

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public JavaSocketIoClients() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(64);
        this.http = new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(1, TimeUnit.MINUTES).build();
    }

    /** A socket not yet connected, without reconnection. */
    public Socket socket(URI uri, String[] transports, Map<String, String> auth) {
        IO.Options options = IO.Options.builder().setTransports(transports).setForceNew(true).setReconnection(false)
                .setAuth(auth).build();
        options.callFactory = this.http;
        options.webSocketFactory = this.http;
        Socket socket = IO.socket(uri, options);
        this.sockets.add(socket);
        return socket;
    }

    /** A socket connected to its namespace, or an exception naming the connect error. */
    public Socket connect(URI uri, String[] transports, Map<String, String> auth) throws Exception {
        Socket socket = socket(uri, transports, auth);
        CompletableFuture<Object[]> connected = once(socket, Socket.EVENT_CONNECT);
        socket.once(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("connect_error: " + args[0])));
        socket.connect();
        connected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    /** Emits an event and waits for its ack. */
    public static Object[] call(Socket socket, String event, Object... args) throws Exception {
        CompletableFuture<Object[]> reply = new CompletableFuture<>();
        socket.emit(event, args, reply::complete);
        return reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Completes with the arguments of the next such event. */
    public static CompletableFuture<Object[]> once(Socket socket, String event) {
        CompletableFuture<Object[]> received = new CompletableFuture<>();
        socket.once(event, received::complete);
        return received;
    }

    public void closeSockets() {
        this.sockets.forEach(Socket::close);
    }

    @Override
    public void close() {
        closeSockets();
        this.http.dispatcher().executorService().shutdown();
        this.http.connectionPool().evictAll();
    }
}
