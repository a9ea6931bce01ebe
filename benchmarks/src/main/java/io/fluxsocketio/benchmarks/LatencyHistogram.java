package io.fluxsocketio.benchmarks;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, in buckets with about 3% relative precision up to about 70 s: small, lock-free, and
 * cheap enough that recording does not show in the load generator's CPU.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKETS = 32;

    private static final int LINEAR_LIMIT = 2 * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(LINEAR_LIMIT + 27 * SUB_BUCKETS);

    void record(long micros) {
        this.counts.incrementAndGet(Math.min(index(Math.max(0, micros)), this.counts.length() - 1));
    }

    long count() {
        long total = 0;
        for (int i = 0; i < this.counts.length(); i++) {
            total += this.counts.get(i);
        }
        return total;
    }

    /** The latency at a quantile (0.5, 0.99, 0.999), in microseconds: the upper edge of its bucket. */
    long quantile(double quantile) {
        long total = count();
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < this.counts.length(); i++) {
            seen += this.counts.get(i);
            if (seen >= rank && seen > 0) {
                return upperEdge(i);
            }
        }
        return 0;
    }

    private static int index(long micros) {
        if (micros < LINEAR_LIMIT) {
            return (int) micros;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(micros);
        int shift = magnitude - Integer.numberOfTrailingZeros(SUB_BUCKETS);
        int sub = (int) (micros >> shift) - SUB_BUCKETS;
        return LINEAR_LIMIT + (magnitude - 6) * SUB_BUCKETS + sub;
    }

    private static long upperEdge(int index) {
        if (index < LINEAR_LIMIT) {
            return index;
        }
        int magnitude = (index - LINEAR_LIMIT) / SUB_BUCKETS + 6;
        int sub = (index - LINEAR_LIMIT) % SUB_BUCKETS;
        int shift = magnitude - Integer.numberOfTrailingZeros(SUB_BUCKETS);
        return ((long) (SUB_BUCKETS + sub + 1) << shift) - 1;
    }
}
