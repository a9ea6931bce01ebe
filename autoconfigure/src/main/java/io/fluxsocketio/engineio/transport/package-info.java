/**
 * The two Engine.IO transports, HTTP long-polling and WebSocket: they move packets between a connection and a
 * session and know nothing of the layers above.
 */
package io.fluxsocketio.engineio.transport;
