package io.fluxsocketio.engineio;

import io.fluxsocketio.engineio.transport.PollingTransport;
import io.fluxsocketio.testing.IgnoringEngineIoListener;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade WebSocket a session announces first claims its upgrade before its handshake is answered. A client may
 * open a second one as soon as it has the first one's answer (the official suite's "refuses a second WebSocket for an
 * upgraded session"), and that one may reach the server before the first one's handler has started the probe: it
 * must be refused, not take the probe from the first.
 */
class EngineIoSessionUpgradeClaimTests {

    private final EngineIoServer server = new EngineIoServer(EngineIoOptions.defaults(), new IgnoringEngineIoListener());

    private final ScheduledExecutorService firstReader = Executors.newSingleThreadScheduledExecutor();

    private final ScheduledExecutorService secondReader = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        this.server.close();
        this.firstReader.shutdownNow();
        this.secondReader.shutdownNow();
    }

    @Test
    void aSecondUpgradeConnectionIsRefusedWhileTheFirstClaimsTheUpgrade() {
        EngineIoSession session = openPollingSession();

        assertThat(session.upgradeArriving(this.firstReader)).isNotNull();
        assertThat(session.upgradeArriving(this.secondReader)).isNull();
        assertThat(session.upgradeReader()).isSameAs(this.firstReader);
    }

    @Test
    void theUpgradeCanBeClaimedAgainOnceTheClaimingConnectionEndedWithoutUpgrading() {
        EngineIoSession session = openPollingSession();
        EngineIoSession.UpgradeClaim first = session.upgradeArriving(this.firstReader);

        session.upgradeConnectionEnded(first);

        assertThat(session.upgradeArriving(this.secondReader)).isNotNull();
        assertThat(session.upgradeReader()).isSameAs(this.secondReader);
    }

    /** A connection whose claim was already released may end after another one has claimed the upgrade. */
    @Test
    void anEndedClaimDoesNotReleaseTheNextOne() {
        EngineIoSession session = openPollingSession();
        EngineIoSession.UpgradeClaim first = session.upgradeArriving(this.firstReader);
        session.upgradeConnectionEnded(first);
        EngineIoSession.UpgradeClaim second = session.upgradeArriving(this.secondReader);

        session.upgradeConnectionEnded(first);

        assertThat(second).isNotNull();
        assertThat(session.upgradeReader()).isSameAs(this.secondReader);
        assertThat(session.upgradeArriving(this.firstReader)).isNull();
    }

    @Test
    void aClosedSessionRefusesUpgradeConnections() {
        EngineIoSession session = openPollingSession();
        session.close(CloseReason.FORCED_CLOSE);

        assertThat(session.upgradeArriving(this.firstReader)).isNull();
        assertThat(session.upgradeReader()).isNull();
    }

    private EngineIoSession openPollingSession() {
        PollingTransport polling = new PollingTransport();
        EngineIoSession session = this.server.open(new EngineIoHandshake(URI.create("/engine.io/?EIO=4"),
                new HttpHeaders(), null, null, false, Instant.now()), polling);
        polling.bind(session);
        return session;
    }
}
