package io.fluxsocketio.handler.invocation;

/** What a handler method handles; it decides which arguments it can have. */
public enum HandlerKind {

    EVENT, ANY_EVENT, CONNECT, DISCONNECT, ERROR;

    /** Whether unannotated parameters of other types receive the event's arguments by position. */
    boolean takesPayload() {
        return this == EVENT || this == ANY_EVENT;
    }
}
