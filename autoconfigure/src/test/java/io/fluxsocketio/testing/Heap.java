package io.fluxsocketio.testing;

import java.lang.management.ManagementFactory;

/** The test JVM's heap, as the hardening tests measure it: what stays in use after a full collection. */
public final class Heap {

    private Heap() {
    }

    /** Bytes of heap in use after a full collection. */
    public static long usedAfterGc() {
        ManagementFactory.getMemoryMXBean().gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
