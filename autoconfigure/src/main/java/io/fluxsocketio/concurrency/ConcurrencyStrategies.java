package io.fluxsocketio.concurrency;

/** Creates the built-in strategy of a mode. */
public final class ConcurrencyStrategies {

    private ConcurrencyStrategies() {
    }

    /**
     * @param mode a resolved mode, not {@link AsyncMode#AUTO}
     */
    public static ConcurrencyStrategy create(AsyncMode mode, int poolSize, int queueCapacity) {
        return switch (mode) {
            case THREADING -> new ThreadingStrategy(poolSize, queueCapacity);
            case VIRTUAL_THREADS -> new VirtualThreadsStrategy();
            case REACTOR -> new ReactorStrategy();
            case AUTO -> throw new IllegalArgumentException("resolve AUTO first, with AsyncMode.resolve");
        };
    }
}
