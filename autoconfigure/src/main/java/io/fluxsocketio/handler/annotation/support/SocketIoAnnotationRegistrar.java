package io.fluxsocketio.handler.annotation.support;

import io.fluxsocketio.handler.annotation.OnAnyEvent;
import io.fluxsocketio.handler.annotation.OnConnect;
import io.fluxsocketio.handler.annotation.OnDisconnect;
import io.fluxsocketio.handler.annotation.OnError;
import io.fluxsocketio.handler.annotation.OnEvent;
import io.fluxsocketio.handler.annotation.SocketIoController;
import io.fluxsocketio.handler.annotation.SocketIoControllerAdvice;
import io.fluxsocketio.handler.invocation.HandlerArgumentResolver;
import io.fluxsocketio.handler.invocation.HandlerKind;
import io.fluxsocketio.handler.invocation.InvocableHandlerMethod;
import io.fluxsocketio.handler.invocation.PayloadBinder;
import io.fluxsocketio.socketio.Namespace;
import io.fluxsocketio.socketio.SocketIoServer;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Scans the application's beans once, when all singletons exist, and registers every annotated handler method on
 * its namespace. Mistakes fail startup with the class, the method and, for parameters, the index: a parameter
 * nothing can resolve, two methods for one event of a namespace, handler annotations on a bean that is no
 * {@link SocketIoController}.
 */
public final class SocketIoAnnotationRegistrar implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(SocketIoAnnotationRegistrar.class);

    private static final Map<Class<? extends Annotation>, HandlerKind> KINDS = Map.of(OnEvent.class, HandlerKind.EVENT,
            OnAnyEvent.class, HandlerKind.ANY_EVENT, OnConnect.class, HandlerKind.CONNECT, OnDisconnect.class,
            HandlerKind.DISCONNECT, OnError.class, HandlerKind.ERROR);

    private final ApplicationContext context;

    private final SocketIoServer server;

    private final PayloadBinder binder;

    private final List<HandlerArgumentResolver> customResolvers;

    public SocketIoAnnotationRegistrar(ApplicationContext context, SocketIoServer server, PayloadBinder binder,
            List<HandlerArgumentResolver> customResolvers) {
        this.context = context;
        this.server = server;
        this.binder = binder;
        this.customResolvers = List.copyOf(customResolvers);
    }

    @Override
    public void afterSingletonsInstantiated() {
        rejectHandlersOutsideControllers();
        List<InvocableHandlerMethod> adviceErrorHandlers = new ArrayList<>();
        for (String name : this.context.getBeanNamesForAnnotation(SocketIoControllerAdvice.class)) {
            Object bean = this.context.getBean(name);
            handlerMethods(bean).forEach((method, kind) -> {
                if (kind != HandlerKind.ERROR) {
                    throw new IllegalStateException("@SocketIoControllerAdvice " + ClassUtils.getUserClass(bean)
                            .getName() + " may only hold @OnError methods, not " + InvocableHandlerMethod.describe(method));
                }
                adviceErrorHandlers.add(invocable(bean, method, kind));
            });
        }
        Map<String, String> claimedEvents = new HashMap<>();
        int handlers = 0;
        for (String name : this.context.getBeanNamesForAnnotation(SocketIoController.class)) {
            handlers += register(this.context.getBean(name), adviceErrorHandlers, claimedEvents);
        }
        logger.info("Registered " + handlers + " Socket.IO handler methods; handlers run in "
                + this.server.concurrency().mode().propertyValue() + " mode");
    }

    private int register(Object bean, List<InvocableHandlerMethod> adviceErrorHandlers,
            Map<String, String> claimedEvents) {
        Class<?> type = ClassUtils.getUserClass(bean);
        SocketIoController controller = AnnotatedElementUtils.findMergedAnnotation(type, SocketIoController.class);
        Namespace namespace = this.server.of(controller.value());
        Map<Method, HandlerKind> methods = handlerMethods(bean);
        List<InvocableHandlerMethod> localErrorHandlers = new ArrayList<>();
        methods.forEach((method, kind) -> {
            if (kind == HandlerKind.ERROR) {
                localErrorHandlers.add(invocable(bean, method, kind));
            }
        });
        ErrorHandlers errors = new ErrorHandlers(localErrorHandlers, adviceErrorHandlers, this.server.concurrency());
        methods.forEach((method, kind) -> {
            InvocableHandlerMethod handler = invocable(bean, method, kind);
            switch (kind) {
                case EVENT -> {
                    String event = AnnotationUtils.findAnnotation(method, OnEvent.class).value();
                    claim(claimedEvents, namespace.name() + " " + event, handler,
                            "event '" + event + "' of namespace " + namespace.name());
                    namespace.onEvent(event, HandlerAdapters.event(handler, errors));
                }
                case ANY_EVENT -> {
                    claim(claimedEvents, namespace.name() + " @OnAnyEvent", handler,
                            "the @OnAnyEvent method of namespace " + namespace.name());
                    namespace.onUnhandledEvent(HandlerAdapters.event(handler, errors));
                }
                case CONNECT -> namespace.use(HandlerAdapters.connect(handler));
                case DISCONNECT -> namespace.onDisconnect(HandlerAdapters.disconnect(handler, errors));
                case ERROR -> {
                    // Collected above.
                }
            }
        });
        return methods.size();
    }

    private static void claim(Map<String, String> claimed, String key, InvocableHandlerMethod handler, String what) {
        String previous = claimed.putIfAbsent(key, handler.toString());
        if (previous != null) {
            throw new IllegalStateException("Two handler methods for " + what + ": " + previous + " and " + handler);
        }
    }

    private InvocableHandlerMethod invocable(Object bean, Method method, HandlerKind kind) {
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        return InvocableHandlerMethod.of(bean, invocable, kind, this.binder, this.customResolvers);
    }

    private static Map<Method, HandlerKind> handlerMethods(Object bean) {
        return handlerMethods(ClassUtils.getUserClass(bean));
    }

    private static Map<Method, HandlerKind> handlerMethods(Class<?> type) {
        if (!AnnotationUtils.isCandidateClass(type, KINDS.keySet())) {
            return Map.of();
        }
        return MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<HandlerKind>) method -> {
            HandlerKind found = null;
            for (Map.Entry<Class<? extends Annotation>, HandlerKind> kind : KINDS.entrySet()) {
                if (AnnotatedElementUtils.hasAnnotation(method, kind.getKey())) {
                    if (found != null) {
                        throw new IllegalStateException(InvocableHandlerMethod.describe(method)
                                + " has more than one Socket.IO handler annotation");
                    }
                    found = kind.getValue();
                }
            }
            return found;
        });
    }

    private void rejectHandlersOutsideControllers() {
        Set<Class<? extends Annotation>> holders = Set.of(SocketIoController.class, SocketIoControllerAdvice.class);
        for (String name : this.context.getBeanDefinitionNames()) {
            Class<?> type = this.context.getType(name, false);
            if (type == null || holders.stream().anyMatch(holder -> AnnotatedElementUtils.hasAnnotation(type, holder))) {
                continue;
            }
            Map<Method, HandlerKind> stray = handlerMethods(ClassUtils.getUserClass(type));
            if (!stray.isEmpty()) {
                throw new IllegalStateException("Bean '" + name + "' (" + type.getName() + ") has Socket.IO handler "
                        + "methods, such as " + InvocableHandlerMethod.describe(stray.keySet().iterator().next())
                        + ", but is not annotated @SocketIoController (or @SocketIoControllerAdvice)");
            }
        }
    }
}
