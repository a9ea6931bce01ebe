package io.fluxsocketio.benchmarks.jmh;

import io.fluxsocketio.engineio.protocol.EngineIoPacket;
import io.fluxsocketio.engineio.protocol.EngineIoPacketCodec;
import io.fluxsocketio.socketio.protocol.EncodedPacket;
import io.fluxsocketio.socketio.protocol.SocketIoDecoder;
import io.fluxsocketio.socketio.protocol.SocketIoEncoder;
import io.fluxsocketio.socketio.protocol.SocketIoPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.WireJson;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.ArrayNode;

/** The wire path of one small event and its ack, as the echo-ack load sends them. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CodecBenchmarks {

    private static final String EVENT = "4212[\"echo\",\"abcdefghijklmnopqrstuvwxyz012345\"]";

    private final SocketIoDecoder decoder = new SocketIoDecoder(WireJson.mapper(), 10);

    private final SocketIoEncoder encoder = new SocketIoEncoder(WireJson.mapper());

    private final Ack ack = new Ack("/", 12,
            (ArrayNode) WireJson.mapper().readTree("[\"abcdefghijklmnopqrstuvwxyz012345\"]"));

    @Benchmark
    public EngineIoPacket engineIoDecode() {
        return EngineIoPacketCodec.decode(EVENT);
    }

    @Benchmark
    public SocketIoPacket socketIoDecodeEvent() {
        return this.decoder.decode(EVENT.substring(1)).packet();
    }

    @Benchmark
    public EncodedPacket socketIoEncodeAck() {
        return this.encoder.encode(this.ack);
    }
}
