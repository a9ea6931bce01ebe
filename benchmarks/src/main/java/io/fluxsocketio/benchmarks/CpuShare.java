package io.fluxsocketio.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * The share of all cores that the server process and this load generator used over one stretch of wall time: 1.0
 * is every core busy for the whole stretch.
 */
record CpuShare(double server, double loadGenerator) {

    /** Starts measuring; {@link Meter#stop()} ends the stretch. */
    static Meter start(ServerProcess server) throws IOException {
        return new Meter(server, server.cpuMillis(), ownCpuMillis(), System.nanoTime());
    }

    record Meter(ServerProcess server, long serverCpuBefore, long loadCpuBefore, long wallBefore) {

        CpuShare stop() throws IOException {
            double wallMillis = (System.nanoTime() - this.wallBefore) / 1e6;
            int cores = Runtime.getRuntime().availableProcessors();
            return new CpuShare((this.server.cpuMillis() - this.serverCpuBefore) / wallMillis / cores,
                    (ownCpuMillis() - this.loadCpuBefore) / wallMillis / cores);
        }
    }

    private static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }
}
