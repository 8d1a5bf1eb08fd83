package org.nodepoint.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hostile inputs of attack-corpus.txt. Each input is kept as the bytes that go on the wire,
 * because some of them are deliberately not valid UTF-8; the header of the file explains its
 * escapes.
 */
final class AttackCorpus {
    static final String RESOURCE = "/attack-corpus.txt";

    /** One input: its line in the file, the line as written, and the decoded bytes. */
    record Input(int line, String source, byte[] bytes) {
        /** Returns the input as the server reads it, with each invalid UTF-8 sequence as U+FFFD. */
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** Returns the bytes percent-encoded for a query string, a form body or a path segment. */
        String urlEncoded() {
            return percentEncode(bytes);
        }

        @Override
        public String toString() {
            String abbreviated = source.length() > 60 ? source.substring(0, 60) + "..." : source;
            return "input on line " + line + " [" + abbreviated + "]";
        }
    }

    private AttackCorpus() {
    }

    static List<Input> load() {
        List<Input> inputs = new ArrayList<>();
        String[] lines = readResource().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            inputs.add(new Input(i + 1, line, decode(line, i + 1)));
        }
        return inputs;
    }

    /** Percent-encodes every byte but the unreserved characters of RFC 3986. */
    static String percentEncode(byte[] bytes) {
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (isUnreserved(unsigned)) {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(unsigned >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(unsigned & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /** Reverses {@link #percentEncode(byte[])}: every %XX becomes its byte, every other character its own byte. */
    static byte[] percentDecode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    static String percentEncode(String text) {
        return percentEncode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /**
     * Decodes one line in two steps: first into characters (UTF-16 code units) and raw bytes, then
     * into the bytes of each character. So a surrogate pair written as two escapes becomes one
     * four-byte character, while a lone surrogate keeps its own three bytes.
     */
    static byte[] decode(String line, int lineNumber) {
        List<Object> units = parseEscapes(line, lineNumber);
        List<byte[]> characters = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Object unit = units.get(i);
            if (unit instanceof Repeat repeat) {
                if (characters.isEmpty()) {
                    throw new IllegalArgumentException("Line " + lineNumber + " of " + RESOURCE + " starts with a repeat");
                }
                byte[] previous = characters.get(characters.size() - 1);
                for (int copy = 1; copy < repeat.count(); copy++) {
                    characters.add(previous);
                }
            } else if (unit instanceof Byte raw) {
                characters.add(new byte[] {raw});
            } else {
                char c = (Character) unit;
                boolean pair = Character.isHighSurrogate(c) && i + 1 < units.size()
                        && units.get(i + 1) instanceof Character next && Character.isLowSurrogate(next);
                if (pair) {
                    characters.add(new String(new char[] {c, (Character) units.get(i + 1)}).getBytes(StandardCharsets.UTF_8));
                    i++;
                } else {
                    characters.add(encodeUnit(c));
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        characters.forEach(bytes::writeBytes);
        return bytes.toByteArray();
    }

    /** A repeat escape: the previous character appears {@code count} times in all. */
    private record Repeat(int count) {
    }

    /** Returns a list of Character, Byte and Repeat items. */
    private static List<Object> parseEscapes(String line, int lineNumber) {
        List<Object> units = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '\\') {
                units.add(c);
                i++;
                continue;
            }
            if (i + 1 >= line.length()) {
                throw invalidEscape(line, lineNumber, "a backslash at the end");
            }
            char kind = line.charAt(i + 1);
            switch (kind) {
                case '\\' -> units.add('\\');
                case 'n' -> units.add('\n');
                case 'r' -> units.add('\r');
                case 't' -> units.add('\t');
                case '0' -> units.add('\0');
                case 's' -> units.add(' ');
                case '#' -> units.add('#');
                case 'u' -> {
                    units.add((char) Integer.parseInt(hexDigits(line, i + 2, 4, lineNumber), 16));
                    i += 4;
                }
                case 'x' -> {
                    units.add((byte) Integer.parseInt(hexDigits(line, i + 2, 2, lineNumber), 16));
                    i += 2;
                }
                case '{' -> {
                    int end = line.indexOf('}', i);
                    if (end < 0) {
                        throw invalidEscape(line, lineNumber, "an unclosed \\{");
                    }
                    units.add(new Repeat(Integer.parseInt(line.substring(i + 2, end))));
                    i = end - 1;
                }
                default -> throw invalidEscape(line, lineNumber, "the unknown escape \\" + kind);
            }
            i += 2;
        }
        return units;
    }

    private static String hexDigits(String line, int start, int count, int lineNumber) {
        if (start + count > line.length() || !line.substring(start, start + count).matches("[0-9A-Fa-f]+")) {
            throw invalidEscape(line, lineNumber, count + " hex digits expected at column " + (start + 1));
        }
        return line.substring(start, start + count);
    }

    /**
     * Encodes one UTF-16 code unit as UTF-8. A lone surrogate gets the three bytes that UTF-8's
     * bit layout would give it (ED A0 80 for U+D800), which decoders must reject.
     */
    private static byte[] encodeUnit(char c) {
        if (!Character.isSurrogate(c)) {
            return String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        }
        return new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
    }

    private static IllegalArgumentException invalidEscape(String line, int lineNumber, String problem) {
        return new IllegalArgumentException("Line " + lineNumber + " of " + RESOURCE + " has " + problem + ": " + line);
    }

    private static String readResource() {
        try (InputStream in = Objects.requireNonNull(AttackCorpus.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
