package io.fluxsocketio.benchmarks.jmh;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoTransport;
import io.fluxsocketio.engineio.protocol.EngineIoPacket;

import java.util.List;

/** A transport that only counts what is written and keeps the last packet, for benchmarks without a network. */
final class CountingTransport implements EngineIoTransport {

    long written;

    EngineIoPacket last;

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public void write(EngineIoPacket packet) {
        this.written++;
        this.last = packet;
    }

    @Override
    public int bufferedCount() {
        return 0;
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public List<EngineIoPacket> drainUnsent() {
        return List.of();
    }

    @Override
    public void pauseForUpgrade() {
    }

    @Override
    public void close(CloseReason reason, boolean flush) {
    }
}
