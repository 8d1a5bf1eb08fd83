package org.nodepoint.uploads;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Cleans the file names that clients send and reads their extension. A name is only ever stored
 * and shown as text: files are saved under random names, so a name such as {@code ..\..\x.cfg}
 * cannot reach the file system.
 */
public final class FileNames {
    /** The maximum length of a stored name, in characters (code points), the usual file system limit. */
    public static final int MAX_LENGTH = 255;
    /** The name of a file that arrived without one. */
    static final String UNNAMED = "attachment";
    /** Extensions longer than this are cut with the rest of the name, as they are unlikely to be real ones. */
    private static final int MAX_KEPT_EXTENSION = 20;

    private FileNames() {
    }

    /**
     * Returns the name to store: in Unicode NFC, without control characters or bidirectional
     * formatting marks (which can make "exe.pdf" look like "fdp.exe"), without surrounding spaces,
     * and at most {@link #MAX_LENGTH} characters with the extension kept. Browsers send a double
     * quote in a name as %22 (HTML's multipart/form-data encoding), which becomes a quote again.
     */
    public static String clean(String submitted) {
        if (submitted == null) {
            return UNNAMED;
        }
        String name = Normalizer.normalize(submitted.replace("%22", "\""), Normalizer.Form.NFC);
        StringBuilder visible = new StringBuilder(name.length());
        name.codePoints().filter(codePoint -> !isHidden(codePoint)).forEach(visible::appendCodePoint);
        String stripped = visible.toString().strip();
        return stripped.isEmpty() ? UNNAMED : shorten(stripped);
    }

    /**
     * Returns the final extension in lower case without the dot, or "" when there is none. Only
     * the text after the last dot of the last path segment counts, so {@code a.php.jpg} has the
     * extension {@code jpg}, and {@code .htaccess} or {@code notes.} have none.
     */
    public static String extension(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            return "";
        }
        return base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isHidden(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL || isBidiControl(codePoint);
    }

    /** Returns true for the marks, embeddings, overrides and isolates of the Unicode bidirectional algorithm. */
    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** Cuts the middle of a long name so that it keeps its beginning and its extension. */
    private static String shorten(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX_LENGTH) {
            return name;
        }
        String suffix = extension(name).isEmpty() ? "" : name.substring(name.lastIndexOf('.'));
        if (suffix.codePointCount(0, suffix.length()) > MAX_KEPT_EXTENSION + 1) {
            suffix = "";
        }
        int suffixLength = suffix.codePointCount(0, suffix.length());
        int end = name.offsetByCodePoints(0, MAX_LENGTH - suffixLength);
        return name.substring(0, end).stripTrailing() + suffix;
    }
}
