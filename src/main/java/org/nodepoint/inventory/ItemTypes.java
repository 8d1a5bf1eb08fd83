package org.nodepoint.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Item types. The web form offers a fixed list, as NodePoint 1.x did. The legacy API and the CSV
 * import take any word, which is cleaned by {@link #cleanFreeType}.
 */
public final class ItemTypes {
    public static final List<String> LISTED = List.of("Desktop", "Laptop", "Server", "Keyboard", "Mouse", "Display", "Phone",
            "Printer", "Peripheral", "Software", "Furniture", "Tool", "Vehicle", "Other");
    public static final int MAX_LENGTH = 30;

    private ItemTypes() {
    }

    /** Returns the listed type that matches the text without regard to case. */
    public static Optional<String> listed(String text) {
        String clean = text == null ? "" : text.strip();
        return LISTED.stream().filter(type -> type.equalsIgnoreCase(clean)).findFirst();
    }

    /**
     * Cleans a type that the API or an import sent: keeps letters, digits and single spaces between
     * words, and capitalises the first letter, as NodePoint 1.x capitalised API types. A type that
     * matches a listed one without regard to case gets the listed spelling. Returns "" when no
     * letter or digit is left.
     */
    public static String cleanFreeType(String text) {
        StringBuilder kept = new StringBuilder();
        String raw = text == null ? "" : text;
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                kept.appendCodePoint(codePoint);
            } else if (Character.isWhitespace(codePoint) && kept.length() > 0 && kept.charAt(kept.length() - 1) != ' ') {
                kept.append(' ');
            }
            i += Character.charCount(codePoint);
        }
        String clean = kept.toString().strip();
        if (clean.isEmpty()) {
            return "";
        }
        int first = clean.codePointAt(0);
        String capitalised = new String(Character.toChars(Character.toTitleCase(first))) + clean.substring(Character.charCount(first));
        return listed(clean).orElse(capitalised);
    }
}
