package org.nodepoint.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages about invalid form fields, keyed by field name, in the order they were found. */
public final class FieldErrors {
    /** A message key of the UI bundle with the values for its placeholders. */
    public record Message(String key, List<Object> args) {
    }

    /** A message argument that is itself a message key, such as a field's label, resolved when the message is shown. */
    public record Label(String key) {
    }

    private final Map<String, Message> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String messageKey, Object... args) {
        errors.putIfAbsent(field, new Message(messageKey, List.of(args)));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public Message get(String field) {
        return errors.get(field);
    }

    public Map<String, Message> asMap() {
        return Collections.unmodifiableMap(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(this);
        }
    }
}
