package io.fluxsocketio.handler.invocation;

import io.fluxsocketio.handler.annotation.Auth;
import io.fluxsocketio.handler.annotation.EventName;
import io.fluxsocketio.handler.annotation.Payload;
import io.fluxsocketio.socketio.Acknowledgement;
import io.fluxsocketio.socketio.DisconnectReason;
import io.fluxsocketio.socketio.SocketIoEvent;
import io.fluxsocketio.socketio.SocketIoHandshake;
import io.fluxsocketio.socketio.SocketIoSocket;

import java.security.Principal;
import java.util.List;

import org.springframework.core.MethodParameter;

/**
 * Chooses the resolver of each parameter, in a fixed order: annotations ({@code @Payload}, {@code @Auth},
 * {@code @EventName}), then types (socket, event, ack, handshake, principal, disconnect reason, error), then the
 * application's {@link HandlerArgumentResolver}s, then the payload catch-all: the event's next argument by position.
 */
final class ArgumentResolvers {

    private final PayloadBinder binder;

    private final List<HandlerArgumentResolver> custom;

    ArgumentResolvers(PayloadBinder binder, List<HandlerArgumentResolver> custom) {
        this.binder = binder;
        this.custom = List.copyOf(custom);
    }

    /** The resolvers of a method's parameters; fails with the method and the parameter index when one has none. */
    ArgumentResolver[] forMethod(java.lang.reflect.Method method, HandlerKind kind, String description) {
        ArgumentResolver[] resolvers = new ArgumentResolver[method.getParameterCount()];
        int nextPosition = 0;
        for (int i = 0; i < resolvers.length; i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            ArgumentResolver resolver = builtIn(parameter, kind, description);
            if (resolver == null) {
                resolver = custom(parameter);
            }
            if (resolver == null && kind.takesPayload()) {
                resolver = payload(parameter, nextPosition++, description);
            }
            if (resolver == null) {
                throw new IllegalStateException("Cannot resolve parameter " + i + " (" + parameter.getParameterType()
                        .getSimpleName() + " " + parameter.getParameterName() + ") of " + description
                        + ": a " + kind.name().toLowerCase().replace('_', ' ') + " handler has no value of that type;"
                        + " add a HandlerArgumentResolver bean that supports it, or remove it");
            }
            resolvers[i] = resolver;
        }
        return resolvers;
    }

    private ArgumentResolver builtIn(MethodParameter parameter, HandlerKind kind, String description) {
        Class<?> type = parameter.getParameterType();
        Payload payload = parameter.getParameterAnnotation(Payload.class);
        if (payload != null) {
            requireKind(kind.takesPayload(), parameter, "@Payload", description);
            return payload(parameter, payload.value(), description);
        }
        if (parameter.hasParameterAnnotation(Auth.class)) {
            PayloadBinder.ArgumentBinding binding = this.binder.bindingFor(parameter, "the auth payload");
            return context -> binding.bind(context.socket().handshake().auth());
        }
        if (parameter.hasParameterAnnotation(EventName.class)) {
            requireKind(kind.takesPayload() && type == String.class, parameter, "@EventName String", description);
            return context -> context.event().name();
        }
        if (type == SocketIoSocket.class) {
            return InvocationContext::socket;
        }
        if (type == SocketIoEvent.class && kind.takesPayload()) {
            return InvocationContext::event;
        }
        if (type == Acknowledgement.class && kind.takesPayload()) {
            return context -> context.event().acknowledgement();
        }
        if (type == SocketIoHandshake.class) {
            return context -> context.socket().handshake();
        }
        if (Principal.class.isAssignableFrom(type)) {
            return context -> context.socket().handshake().principal();
        }
        if (type == DisconnectReason.class && kind == HandlerKind.DISCONNECT) {
            return InvocationContext::reason;
        }
        if (Throwable.class.isAssignableFrom(type) && kind == HandlerKind.ERROR) {
            return InvocationContext::error;
        }
        return null;
    }

    private ArgumentResolver custom(MethodParameter parameter) {
        for (HandlerArgumentResolver resolver : this.custom) {
            if (resolver.supportsParameter(parameter)) {
                return context -> resolver.resolveArgument(parameter, context);
            }
        }
        return null;
    }

    private ArgumentResolver payload(MethodParameter parameter, int position, String description) {
        PayloadBinder.ArgumentBinding binding = this.binder.bindingFor(parameter, "argument " + position);
        return context -> binding.bind(context.event().arg(position));
    }

    private static void requireKind(boolean allowed, MethodParameter parameter, String what, String description) {
        if (!allowed) {
            throw new IllegalStateException("Parameter " + parameter.getParameterIndex() + " of " + description
                    + ": " + what + " only applies to @OnEvent and @OnAnyEvent methods");
        }
    }
}
