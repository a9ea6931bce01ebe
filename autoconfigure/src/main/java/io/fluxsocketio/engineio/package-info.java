/**
 * The Engine.IO server: handshake, session registry, per-session state machine with heartbeat and upgrade, and
 * the three-method {@link io.fluxsocketio.engineio.EngineIoListener} that is the only way up to the layer above.
 */
package io.fluxsocketio.engineio;
