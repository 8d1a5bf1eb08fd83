package org.nodepoint.uploads;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Builds the Content-Disposition header of a download (RFC 6266). The {@code filename*} parameter
 * carries the exact name in UTF-8 (RFC 8187), and {@code filename} an ASCII fallback for clients
 * that do not read it, so no name can break the header or inject another parameter.
 */
public final class ContentDisposition {
    private static final String HEX = "0123456789ABCDEF";
    /** Printable ASCII that the fallback drops: quoting characters, separators and %, which some browsers decode. */
    private static final String UNSAFE_IN_FALLBACK = "\"\\/;%";

    private ContentDisposition() {
    }

    /** Returns the header value that makes browsers save the file under {@code name} instead of showing it. */
    public static String attachment(String name) {
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    /**
     * Returns the name in printable ASCII: accents are dropped from letters that have them (ä
     * becomes a), and every other character outside printable ASCII, and each of {@code " \ / ; %},
     * becomes an underscore.
     */
    static String asciiFallback(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder fallback = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(codePoint -> {
            if (Character.getType(codePoint) == Character.NON_SPACING_MARK) {
                return;
            }
            boolean printable = codePoint >= 0x20 && codePoint < 0x7F;
            fallback.append(printable && UNSAFE_IN_FALLBACK.indexOf(codePoint) < 0 ? (char) codePoint : '_');
        });
        return fallback.toString();
    }

    /** Percent-encodes the UTF-8 bytes of the name, leaving only RFC 8187's attr-char unencoded. */
    static String percentEncode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int value = b & 0xFF;
            if (isAttrChar(value)) {
                encoded.append((char) value);
            } else {
                encoded.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 0xF));
            }
        }
        return encoded.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
