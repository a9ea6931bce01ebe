/**
 * The adapter SPI, after socket.io-adapter: which sockets are in which rooms, and how an encoded packet reaches
 * them, locally or across a cluster. {@link io.fluxsocketio.socketio.adapter.InMemoryAdapter} is the default.
 */
package io.fluxsocketio.socketio.adapter;
