/**
 * The annotation model: {@code @SocketIoController} beans whose {@code @OnEvent}, {@code @OnAnyEvent},
 * {@code @OnConnect}, {@code @OnDisconnect} and {@code @OnError} methods handle a namespace.
 */
package io.fluxsocketio.handler.annotation;
