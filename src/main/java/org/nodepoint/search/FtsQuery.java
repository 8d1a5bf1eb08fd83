package org.nodepoint.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a user typed into an FTS5 query built only of quoted tokens, so that no input is read
 * as FTS5 syntax. Each white-space separated word becomes a phrase of its letter and digit runs
 * ({@code user@example.com} becomes "user example com", {@code can't} becomes "can t"), which is
 * how the unicode61 tokenizer split the indexed text. All phrases must match. The last word also
 * matches as a prefix while it is still being typed.
 */
final class FtsQuery {
    /** Words beyond this are ignored, which bounds the cost of very long input. */
    static final int MAX_WORDS = 32;
    static final int MAX_INPUT_LENGTH = 5_000;

    private FtsQuery() {
    }

    /** Returns the FTS5 expression, or empty when the text has no letter or digit to search for. */
    static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String input = text.length() > MAX_INPUT_LENGTH ? text.substring(0, MAX_INPUT_LENGTH) : text;
        List<String> phrases = new ArrayList<>();
        String[] words = input.strip().split("\\s+");
        for (String word : words) {
            List<String> tokens = tokens(word);
            if (!tokens.isEmpty()) {
                phrases.add("\"" + String.join(" ", tokens) + "\"");
            }
        }
        if (phrases.isEmpty()) {
            return Optional.empty();
        }
        boolean truncated = phrases.size() > MAX_WORDS;
        if (truncated) {
            phrases = phrases.subList(0, MAX_WORDS);
        }
        int last = phrases.size() - 1;
        // A word that ends in a symbol ("C++", "100%") is complete, so only a trailing letter or digit makes a prefix.
        boolean endsInWord = Character.isLetterOrDigit(input.codePointBefore(input.length()));
        if (!truncated && endsInWord && phrases.get(last).indexOf(' ') < 0) {
            phrases.set(last, phrases.get(last) + "*");
        }
        return Optional.of(String.join(" AND ", phrases));
    }

    /** Splits a word into runs of letters and digits; everything else separates tokens. */
    private static List<String> tokens(String word) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        word.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint)) {
                current.appendCodePoint(codePoint);
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        });
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
