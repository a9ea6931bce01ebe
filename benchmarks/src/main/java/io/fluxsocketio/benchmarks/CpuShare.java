package io.fluxsocketio.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The share of all cores that the server process, its JIT compiler threads and this load generator used over one
 * stretch of wall time: 1.0 is every core busy for the whole stretch.
 */
record CpuShare(double server, double serverCompiler, double loadGenerator) {

    /** Starts measuring; {@link Meter#stop()} ends the stretch. */
    static Meter start(ServerProcess server) throws IOException {
        return new Meter(server, server.cpuMillis(), server.compilerCpuMillis(), ownCpuMillis(), System.nanoTime());
    }

    /**
     * Measures the stretch a load measures, which opens after its warm-up: CPU spent warming up (connecting, and
     * the JIT compiling the server's hot paths) would otherwise be charged to the measured acks. Call it just before
     * starting the load.
     */
    static CompletableFuture<CpuShare> over(ServerProcess server, Duration warmup, Duration measure) {
        return CompletableFuture.supplyAsync(() -> unchecked(() -> start(server)), after(warmup))
                .thenApplyAsync(meter -> unchecked(meter::stop), after(measure));
    }

    record Meter(ServerProcess server, long serverCpuBefore, long compilerCpuBefore, long loadCpuBefore,
            long wallBefore) {

        CpuShare stop() throws IOException {
            double wallMillis = (System.nanoTime() - this.wallBefore) / 1e6;
            int cores = Runtime.getRuntime().availableProcessors();
            return new CpuShare((this.server.cpuMillis() - this.serverCpuBefore) / wallMillis / cores,
                    (this.server.compilerCpuMillis() - this.compilerCpuBefore) / wallMillis / cores,
                    (ownCpuMillis() - this.loadCpuBefore) / wallMillis / cores);
        }
    }

    private static Executor after(Duration delay) {
        return CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }
}
