package io.fluxsocketio.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/** A bean whose annotated methods handle the events of one namespace. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface SocketIoController {

    /** The namespace, {@code "/"} by default. */
    @AliasFor("namespace")
    String value() default "/";

    @AliasFor("value")
    String namespace() default "/";
}
