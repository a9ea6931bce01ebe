package io.fluxsocketio.handler.invocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.util.ReflectionUtils;

/** A handler method of a bean with its argument resolvers, checked and built once at startup. */
public final class InvocableHandlerMethod {

    private final Object bean;

    private final Method method;

    private final HandlerKind kind;

    private final ArgumentResolver[] resolvers;

    private final String description;

    private InvocableHandlerMethod(Object bean, Method method, HandlerKind kind, ArgumentResolver[] resolvers,
            String description) {
        this.bean = bean;
        this.method = method;
        this.kind = kind;
        this.resolvers = resolvers;
        this.description = description;
    }

    /**
     * Builds the invocable form of a handler method.
     * @throws IllegalStateException naming the class, the method and the parameter index when a parameter cannot be
     * resolved
     */
    public static InvocableHandlerMethod of(Object bean, Method method, HandlerKind kind, PayloadBinder binder,
            java.util.List<HandlerArgumentResolver> customResolvers) {
        String description = describe(method);
        ReflectionUtils.makeAccessible(method);
        ArgumentResolver[] resolvers = new ArgumentResolvers(binder, customResolvers).forMethod(method, kind,
                description);
        return new InvocableHandlerMethod(bean, method, kind, resolvers, description);
    }

    /** Resolves the arguments and calls the method; what the method throws is rethrown as it is. */
    public Object invoke(InvocationContext context) throws Throwable {
        Object[] args = new Object[this.resolvers.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = this.resolvers[i].resolve(context);
        }
        try {
            return this.method.invoke(this.bean, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
    }

    public Method method() {
        return this.method;
    }

    public HandlerKind kind() {
        return this.kind;
    }

    /** Whether the method declares no result, and so never acks by returning. */
    public boolean returnsVoid() {
        return this.method.getReturnType() == void.class || this.method.getReturnType() == Void.class;
    }

    /** For {@code @OnError} methods: the error type handled, from its {@code Throwable} parameter. */
    public Class<?> handledErrorType() {
        return Arrays.stream(this.method.getParameterTypes()).filter(Throwable.class::isAssignableFrom).findFirst()
                .orElse(Throwable.class);
    }

    public static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "(" + Arrays
                .stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String toString() {
        return this.description;
    }
}
