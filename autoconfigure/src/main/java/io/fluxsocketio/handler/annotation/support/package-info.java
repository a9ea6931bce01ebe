/** Finds annotated handler methods once at startup and registers them on their namespaces. */
package io.fluxsocketio.handler.annotation.support;
