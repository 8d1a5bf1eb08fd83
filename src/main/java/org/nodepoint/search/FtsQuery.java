package org.nodepoint.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into an FTS5 query made only of quoted strings, so that no input is read
 * as FTS5 syntax ({@code OR}, {@code NEAR(}, {@code col:}, {@code *} are ordinary text). Each
 * white-space separated word becomes one string, and FTS5 splits it into tokens with the same
 * tokenizer that indexed the tickets, so {@code user@example.com} or a word with combining accents
 * matches exactly what the index holds. All words must match. The last word also matches as a
 * prefix while it is still being typed.
 */
final class FtsQuery {
    /** Words beyond this are ignored, which bounds the cost of very long input. */
    static final int MAX_WORDS = 32;
    static final int MAX_INPUT_LENGTH = 5_000;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private FtsQuery() {
    }

    /** Returns the FTS5 expression, or empty when the text has no letter, digit or mark to search for. */
    static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cut = text.length() > MAX_INPUT_LENGTH ? text.substring(0, MAX_INPUT_LENGTH) : text;
        // FTS5 reads a NUL as the end of the query, so control characters become spaces first.
        String input = CONTROL.matcher(cut).replaceAll(" ");
        if (input.isBlank()) {
            return Optional.empty();
        }
        List<String> phrases = new ArrayList<>();
        for (String word : input.strip().split("\\s+")) {
            if (word.codePoints().anyMatch(FtsQuery::isTokenCharacter)) {
                phrases.add("\"" + word.replace("\"", "\"\"") + "\"");
            }
        }
        if (phrases.isEmpty()) {
            return Optional.empty();
        }
        boolean truncated = phrases.size() > MAX_WORDS;
        if (truncated) {
            phrases = phrases.subList(0, MAX_WORDS);
        }
        // A word that ends in a symbol ("C++", "100%") is complete, so only a trailing token character makes a prefix.
        if (!truncated && isTokenCharacter(input.codePointBefore(input.length()))) {
            int last = phrases.size() - 1;
            phrases.set(last, phrases.get(last) + "*");
        }
        return Optional.of(String.join(" AND ", phrases));
    }

    /**
     * Returns true for the characters that the unicode61 tokenizer keeps in tokens: letters, numbers
     * (including signs such as ² and ½), combining marks and private-use characters.
     */
    static boolean isTokenCharacter(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
