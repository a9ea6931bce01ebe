package io.fluxsocketio.benchmarks.jmh;

import io.fluxsocketio.concurrency.ReactorStrategy;
import io.fluxsocketio.engineio.EngineIoHandshake;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoSession;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;
import io.fluxsocketio.socketio.SocketIoOptions;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.adapter.InMemoryAdapter;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/** A server with sockets connected through counting transports, so benchmarks measure the server's own work. */
final class LocalSockets implements AutoCloseable {

    final SocketIoServer server = new SocketIoServer(EngineIoOptions.defaults(), SocketIoOptions.defaults(),
            JsonMapper.builder().build(), InMemoryAdapter::new, new ReactorStrategy());

    final List<EngineIoSession> sessions = new ArrayList<>();

    final List<CountingTransport> transports = new ArrayList<>();

    LocalSockets(int count) {
        EngineIoHandshake handshake = new EngineIoHandshake(URI.create("ws://localhost/socket.io/"), new HttpHeaders(),
                null, null, false, Instant.now());
        for (int i = 0; i < count; i++) {
            CountingTransport transport = new CountingTransport();
            EngineIoSession session = this.server.engine().open(handshake, transport);
            session.receive(transport, new TextMessage("0"));
            this.sessions.add(session);
            this.transports.add(transport);
        }
    }

    long written() {
        return this.transports.stream().mapToLong(transport -> transport.written).sum();
    }

    @Override
    public void close() {
        this.server.close();
    }
}
