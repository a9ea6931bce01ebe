package io.fluxsocketio.handler.invocation;

import java.lang.annotation.Annotation;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.ValidationUtils;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Converts JSON trees to parameter types with the application's mapper, and validates {@code @Valid} ones. */
public final class PayloadBinder {

    private final JsonMapper mapper;

    private final Validator validator;

    /**
     * @param validator validates parameters marked {@code @Valid} or {@code @Validated}; null turns validation off
     */
    public PayloadBinder(JsonMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A binder for one parameter, with its type resolved once. */
    ArgumentBinding bindingFor(MethodParameter parameter, String what) {
        JavaType type = this.mapper.getTypeFactory().constructType(parameter.getGenericParameterType());
        boolean validate = this.validator != null && wantsValidation(parameter);
        return node -> {
            if (node == null || node.isNull()) {
                if (parameter.getParameterType().isPrimitive()) {
                    throw new PayloadConversionException(what + " is missing", null);
                }
                return null;
            }
            Object value = convert(node, type, what);
            if (validate) {
                validate(value, what);
            }
            return value;
        };
    }

    /** Converts one JSON tree for one parameter. */
    @FunctionalInterface
    interface ArgumentBinding {

        Object bind(JsonNode node);
    }

    private Object convert(JsonNode node, JavaType type, String what) {
        Object direct = direct(node, type.getRawClass());
        if (direct != null) {
            return direct;
        }
        try {
            return this.mapper.treeToValue(node, type);
        }
        catch (JacksonException | IllegalArgumentException ex) {
            throw new PayloadConversionException(what + " could not be read as " + type.getRawClass().getSimpleName()
                    + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The common simple cases without Jackson's tree-to-value machinery, which costs more than the rest of a small
     * event's dispatch; null when the node needs the mapper.
     */
    private static Object direct(JsonNode node, Class<?> type) {
        if (type.isInstance(node)) {
            return node;
        }
        if (type == String.class && node.isString()) {
            return node.stringValue();
        }
        if ((type == int.class || type == Integer.class) && node.isInt()) {
            return node.intValue();
        }
        if ((type == long.class || type == Long.class) && node.canConvertToLong() && node.isIntegralNumber()) {
            return node.longValue();
        }
        if ((type == boolean.class || type == Boolean.class) && node.isBoolean()) {
            return node.booleanValue();
        }
        if ((type == double.class || type == Double.class) && node.isNumber()) {
            return node.doubleValue();
        }
        return null;
    }

    private void validate(Object value, String what) {
        Errors errors = new BeanPropertyBindingResult(value, what);
        ValidationUtils.invokeValidator(this.validator, value, errors);
        if (errors.hasErrors()) {
            List<PayloadValidationException.Violation> violations = errors.getFieldErrors().stream()
                    .map(error -> new PayloadValidationException.Violation(error.getField(), error.getDefaultMessage()))
                    .toList();
            throw new PayloadValidationException(what + " is not valid: " + violations, violations);
        }
    }

    private static boolean wantsValidation(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            if (annotation instanceof Validated || annotation.annotationType().getName().equals("jakarta.validation.Valid")) {
                return true;
            }
        }
        return false;
    }
}
