package io.fluxsocketio.benchmarks.jmh;

import io.fluxsocketio.engineio.EngineIoSession;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacketCodec;
import io.fluxsocketio.socketio.SocketIoSocket;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Server paths without a network: a broadcast to a room of local sockets (encoded once, whatever their number),
 * and the bookkeeping of an emit with ack, from the emit to the client's reply.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ServerPathBenchmarks {

    @Param({ "1000" })
    int roomSize;

    private LocalSockets sockets;

    private SocketIoSocket first;

    private CountingTransport firstTransport;

    private EngineIoSession firstSession;

    @Setup(Level.Trial)
    public void connect() {
        this.sockets = new LocalSockets(this.roomSize);
        this.sockets.server.mainNamespace().sockets().values().forEach(socket -> socket.join("fan"));
        this.first = this.sockets.server.mainNamespace().sockets().values().iterator().next();
        for (int i = 0; i < this.sockets.sessions.size(); i++) {
            if (this.sockets.sessions.get(i).id().equals(this.first.connectionId())) {
                this.firstSession = this.sockets.sessions.get(i);
                this.firstTransport = this.sockets.transports.get(i);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        this.sockets.close();
    }

    @Benchmark
    public void broadcastToRoom() {
        this.sockets.server.to("fan").emit("fanned", "abcdefghijklmnopqrstuvwxyz012345");
    }

    /** One emit with ack and its reply; the reply completes the pending entry, which then leaves. */
    @Benchmark
    public Object emitWithAckAndReply() {
        Object[] reply = new Object[1];
        this.first.emitWithAck("question", 41).subscribe(answer -> reply[0] = answer);
        String question = EngineIoPacketCodec.encode(this.firstTransport.last);
        String id = question.substring(2, question.indexOf('['));
        this.firstSession.receive(this.firstTransport, new TextMessage("3" + id + "[42]"));
        if (reply[0] == null) {
            throw new IllegalStateException("the ack did not complete");
        }
        return reply[0];
    }
}
