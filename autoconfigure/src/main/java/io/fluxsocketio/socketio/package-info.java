/**
 * The Socket.IO server API, close to socket.io's own: {@link io.fluxsocketio.socketio.SocketIoServer}, namespaces,
 * sockets, rooms, acks and broadcasts, on top of the Engine.IO layer.
 */
package io.fluxsocketio.socketio;
