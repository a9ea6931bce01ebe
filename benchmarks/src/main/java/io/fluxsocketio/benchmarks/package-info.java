/**
 * Load runs that put Flux-SocketIO beside a hand-framed raw Reactor Netty server (the ceiling of our stack) and Node's
 * socket.io, on loopback, bounded in clients and time.
 */
package io.fluxsocketio.benchmarks;
