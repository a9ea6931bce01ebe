package io.fluxsocketio.handler.invocation;

import java.util.List;

/** A {@code @Valid} event argument broke its constraints. */
public class PayloadValidationException extends RuntimeException {

    /** One broken constraint. */
    public record Violation(String field, String message) {
    }

    private final transient List<Violation> violations;

    public PayloadValidationException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> getViolations() {
        return this.violations;
    }
}
