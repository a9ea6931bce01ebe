package io.fluxsocketio.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one event. Parameters receive the socket, the event's arguments by position (converted to their declared
 * types), and more; a returned value, or the value of a returned {@code Mono}, becomes the ack.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnEvent {

    /** The event name. */
    String value();
}
