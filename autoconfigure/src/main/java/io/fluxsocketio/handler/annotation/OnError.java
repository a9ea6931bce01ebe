package io.fluxsocketio.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles what a handler of the same controller (or, in a {@link SocketIoControllerAdvice}, of any controller)
 * threw. A {@code Throwable} parameter picks the errors it handles, the most specific match wins; a returned value
 * becomes the ack when the client asked for one.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnError {
}
