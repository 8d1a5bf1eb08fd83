package org.nodepoint.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans text that people type before it is stored, so that what one user sees is what another
 * typed. Line breaks become LF (browsers send CR LF from text areas), and control characters that
 * no one types on purpose (NUL, ESC, BEL...) are removed. One-line values such as titles and names
 * also lose line breaks, tabs and the bidirectional overrides that can make a title read
 * differently from its characters, and runs of spaces become one space.
 */
public final class UserText {
    /** C0 and C1 control characters other than tab and line feed, plus DEL. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");
    /** Bidirectional embedding, override and isolate characters (U+202A-U+202E, U+2066-U+2069). */
    private static final Pattern BIDI_CONTROL = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");

    private UserText() {
    }

    /** Cleans multi-line text (descriptions, comments); null becomes "". */
    public static String multiLine(String text) {
        if (text == null) {
            return "";
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        return CONTROL.matcher(lines).replaceAll("").strip();
    }

    /** Cleans one-line text (titles, names, versions); null becomes "". */
    public static String singleLine(String text) {
        if (text == null) {
            return "";
        }
        String clean = BIDI_CONTROL.matcher(CONTROL.matcher(text).replaceAll(" ")).replaceAll("");
        return SPACES.matcher(clean).replaceAll(" ").strip();
    }

    /**
     * Returns the form of a name used to compare names: Unicode compatibility form (NFKC, so a
     * full-width "Ｓ" is "S"), one-line cleaning, then lower case. Two names with the same key look
     * the same to a reader.
     */
    public static String nameKey(String name) {
        String compatible = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC);
        return singleLine(compatible).toLowerCase(Locale.ROOT);
    }
}
