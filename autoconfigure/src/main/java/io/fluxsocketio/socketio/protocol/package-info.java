/**
 * The Socket.IO v5 wire model: packets as sealed records whose payloads stay a neutral JSON tree (binary
 * attachments as {@code BinaryNode}), a stateless encoder and decoder, and a per-connection assembler for
 * binary packets. No I/O and no server types.
 */
package io.fluxsocketio.socketio.protocol;
