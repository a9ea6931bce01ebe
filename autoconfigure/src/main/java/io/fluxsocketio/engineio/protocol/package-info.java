/**
 * The Engine.IO v4 wire model: packets as sealed records and the codecs that turn them into text, bytes and
 * long-polling payloads, with no I/O and no server types.
 */
package io.fluxsocketio.engineio.protocol;
