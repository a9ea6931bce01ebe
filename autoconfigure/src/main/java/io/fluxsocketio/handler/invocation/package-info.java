/**
 * Invoking handler methods: one argument resolver per parameter, chosen once at startup, payload conversion and
 * validation, and the return value turned into an ack.
 */
package io.fluxsocketio.handler.invocation;
