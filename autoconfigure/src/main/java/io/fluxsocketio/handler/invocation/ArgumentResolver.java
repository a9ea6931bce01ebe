package io.fluxsocketio.handler.invocation;

/** Produces one parameter's argument for an invocation; chosen once per parameter at startup. */
@FunctionalInterface
interface ArgumentResolver {

    Object resolve(InvocationContext context);
}
