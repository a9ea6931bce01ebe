/**
 * The WebFlux entry to an Engine.IO server on the application's own port: request validation, origin checks,
 * body limits and the WebSocket handshake.
 */
package io.fluxsocketio.engineio.web;
