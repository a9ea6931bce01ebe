package io.fluxsocketio.fuzz;

/**
 * How many inputs a fuzz test tries: a short run in the normal build, millions with {@code mvn verify -Plong-tests}.
 */
final class FuzzScale {

    private FuzzScale() {
    }

    static int iterations() {
        return Integer.getInteger("fuzz.iterations", 30_000);
    }

    /** The run's seed, printed so that a failure can be replayed with {@code -Dfuzz.seed=...}. */
    static long seed() {
        return Long.getLong("fuzz.seed", System.nanoTime());
    }
}
