package io.fluxsocketio.handler.invocation;

import org.springframework.core.MethodParameter;

/**
 * Resolves handler parameters of the application's own kinds (a current user, a tenant). Declare beans of this
 * type; they are asked after the built-in annotations and types, and before the payload catch-all.
 */
public interface HandlerArgumentResolver {

    /** Asked once per parameter, at startup. */
    boolean supportsParameter(MethodParameter parameter);

    Object resolveArgument(MethodParameter parameter, InvocationContext context);
}
