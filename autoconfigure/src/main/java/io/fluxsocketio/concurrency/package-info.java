/**
 * Where user code runs: the {@link io.fluxsocketio.concurrency.ConcurrencyStrategy} SPI and one small class per
 * {@link io.fluxsocketio.concurrency.AsyncMode}, the JVM counterparts of Flask-SocketIO's async modes.
 */
package io.fluxsocketio.concurrency;
