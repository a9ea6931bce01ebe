package io.fluxsocketio.concurrency;

/** How handlers and background tasks run, chosen with {@code socketio.async-mode}. */
public enum AsyncMode {

    /** Virtual threads where the runtime has them (Java 21+), threading otherwise. */
    AUTO,
    /** A bounded pool of platform threads; blocking code is fine. */
    THREADING,
    /** A virtual thread per dispatch; blocking code is fine. Needs Java 21+. */
    VIRTUAL_THREADS,
    /** Reactor schedulers; handlers must not block, and {@code Mono} handlers compose without blocking a thread. */
    REACTOR;

    /** The first Java release with virtual threads. */
    public static final int VIRTUAL_THREADS_SINCE = 21;

    /**
     * The mode that runs, given what was asked for and the Java release of the runtime.
     * @throws IllegalStateException when virtual threads are asked for on a runtime without them
     */
    public static AsyncMode resolve(AsyncMode requested, int javaFeatureVersion) {
        return switch (requested) {
            case AUTO -> (javaFeatureVersion >= VIRTUAL_THREADS_SINCE) ? VIRTUAL_THREADS : THREADING;
            case VIRTUAL_THREADS -> {
                if (javaFeatureVersion < VIRTUAL_THREADS_SINCE) {
                    throw new IllegalStateException("socketio.async-mode=virtual-threads needs a Java "
                            + VIRTUAL_THREADS_SINCE + " or newer runtime, and this one is Java " + javaFeatureVersion
                            + ". Use auto (threading on this runtime), threading or reactor, or run on Java "
                            + VIRTUAL_THREADS_SINCE + "+.");
                }
                yield VIRTUAL_THREADS;
            }
            case THREADING, REACTOR -> requested;
        };
    }

    /** The property value, as written in {@code application.yml}. */
    public String propertyValue() {
        return name().toLowerCase().replace('_', '-');
    }
}
