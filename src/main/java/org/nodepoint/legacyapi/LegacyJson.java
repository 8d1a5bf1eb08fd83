package org.nodepoint.legacyapi;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes responses in the exact layout of NodePoint 1.x: one-space indents, every scalar a JSON
 * string, and an empty array as "[", an empty line and "]". Byte-level comparisons with old
 * responses therefore still line up, while real JSON escaping makes every response parse.
 * Keys keep insertion order, which show_ticket needs to emit its two "status" keys.
 */
final class LegacyJson {
    /** One key and value; a value is a String or a list of objects (each a list of fields). */
    record Field(String key, Object value) {
    }

    private final List<Field> fields = new ArrayList<>();
    /** The whole response as sent, when it was rendered before; fields are then ignored. */
    private final byte[] rendered;

    private LegacyJson(byte[] rendered) {
        this.rendered = rendered;
    }

    private LegacyJson() {
        this(null);
    }

    /** Wraps a response rendered earlier by {@link #bytes()}. */
    static LegacyJson rendered(byte[] body) {
        return new LegacyJson(body);
    }

    static LegacyJson envelope(String message, String status) {
        LegacyJson json = new LegacyJson();
        json.put("message", message);
        json.put("status", status);
        return json;
    }

    LegacyJson put(String key, Object value) {
        fields.add(new Field(key, value));
        return this;
    }

    /** Builds one object of an array from alternating keys and values. */
    static List<Field> object(Object... keysAndValues) {
        List<Field> object = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.add(new Field((String) keysAndValues[i], keysAndValues[i + 1]));
        }
        return object;
    }

    /** Returns the response as UTF-8 bytes. */
    byte[] bytes() {
        return rendered != null ? rendered : render().getBytes(StandardCharsets.UTF_8);
    }

    String render() {
        StringBuilder out = new StringBuilder("{\n");
        writeFields(out, fields, 1, 2, 3);
        return out.append("\n}\n").toString();
    }

    /**
     * Writes fields at {@code indent} spaces. Arrays under them hold objects at {@code objectIndent}
     * spaces with fields at {@code innerIndent}; NodePoint 1.x used 2 and 3 at the top level, and
     * 4 and 6 one level down.
     */
    @SuppressWarnings("unchecked")
    private static void writeFields(StringBuilder out, List<Field> fields, int indent, int objectIndent, int innerIndent) {
        String pad = " ".repeat(indent);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            appendQuoted(out.append(pad), field.key()).append(": ");
            if (field.value() instanceof List<?> items) {
                writeArray(out, (List<List<Field>>) items, indent, objectIndent, innerIndent);
            } else {
                appendQuoted(out, String.valueOf(field.value()));
            }
            if (i < fields.size() - 1) {
                out.append(",\n");
            }
        }
    }

    private static void writeArray(StringBuilder out, List<List<Field>> items, int indent, int objectIndent, int innerIndent) {
        out.append("[\n");
        if (items.isEmpty()) {
            out.append("\n");
        }
        String objectPad = " ".repeat(objectIndent);
        for (int i = 0; i < items.size(); i++) {
            List<Field> item = items.get(i);
            if (item.size() == 1 && !(item.get(0).value() instanceof List)) {
                Field only = item.get(0);
                appendQuoted(out.append(objectPad).append("{ "), only.key()).append(": ");
                appendQuoted(out, String.valueOf(only.value())).append(" }");
            } else {
                out.append(objectPad).append("{\n");
                writeFields(out, item, innerIndent, objectIndent + 2, innerIndent + 3);
                out.append("\n").append(objectPad).append("}");
            }
            out.append(i < items.size() - 1 ? ",\n" : "\n");
        }
        out.append(" ".repeat(indent)).append("]");
    }

    private static StringBuilder appendQuoted(StringBuilder out, String value) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"');
    }
}
