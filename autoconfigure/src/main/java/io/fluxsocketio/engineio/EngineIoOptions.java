package io.fluxsocketio.engineio;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The engine's settings, with the defaults of Node's engine.io.
 * @param pingInterval how often the server pings
 * @param pingTimeout how long the server waits for the pong before it closes the session
 * @param upgradeTimeout how long a started upgrade may take before the probe connection is dropped
 * @param maxPayload the largest message or long-polling body accepted, in bytes
 * @param maxBufferedPackets the most packets queued for one session before it is closed as too slow
 * @param transports the transports clients may use: {@code polling}, {@code websocket}
 * @param allowUpgrades whether polling sessions may upgrade to WebSocket
 */
public record EngineIoOptions(Duration pingInterval, Duration pingTimeout, Duration upgradeTimeout, long maxPayload,
        int maxBufferedPackets, Set<String> transports, boolean allowUpgrades) {

    public static final String POLLING = "polling";

    public static final String WEBSOCKET = "websocket";

    public EngineIoOptions {
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(upgradeTimeout, "upgradeTimeout");
        transports = Set.copyOf(transports);
        if (maxPayload <= 0 || maxBufferedPackets <= 0) {
            throw new IllegalArgumentException("maxPayload and maxBufferedPackets must be positive");
        }
        if (transports.isEmpty() || !Set.of(POLLING, WEBSOCKET).containsAll(transports)) {
            throw new IllegalArgumentException("transports must be a non-empty subset of [polling, websocket]: "
                    + transports);
        }
    }

    public static EngineIoOptions defaults() {
        return new EngineIoOptions(Duration.ofSeconds(25), Duration.ofSeconds(20), Duration.ofSeconds(10),
                1_000_000, 10_000, Set.of(POLLING, WEBSOCKET), true);
    }

    public EngineIoOptions withPing(Duration interval, Duration timeout) {
        return new EngineIoOptions(interval, timeout, this.upgradeTimeout, this.maxPayload, this.maxBufferedPackets,
                this.transports, this.allowUpgrades);
    }

    public EngineIoOptions withMaxPayload(long bytes) {
        return new EngineIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, bytes,
                this.maxBufferedPackets, this.transports, this.allowUpgrades);
    }

    public EngineIoOptions withMaxBufferedPackets(int packets) {
        return new EngineIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.maxPayload,
                packets, this.transports, this.allowUpgrades);
    }

    public boolean allows(String transport) {
        return this.transports.contains(transport);
    }

    /** Whether a polling session may upgrade to WebSocket. */
    public boolean upgradesToWebSocket() {
        return this.allowUpgrades && allows(WEBSOCKET);
    }
}
