package org.nodepoint.web;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nodepoint.config.Terminology;
import org.nodepoint.errors.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI texts of one language, read from the {@code i18n/messages} bundle. Messages are trusted
 * HTML; the values put into their {0}-style placeholders are escaped by jte.
 *
 * <p>Messages name products and releases through terms such as {@code {product}},
 * {@code {Releases}} or {@code {aProduct}}, which are replaced by the words of the site's
 * {@link Terminology} (an upper-case first letter capitalises the word).
 */
public final class Text implements LocalizationSupport {
    private static final Logger log = LoggerFactory.getLogger(Text.class);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    /** The term names that messages may use, each also with an upper-case first letter. */
    private static final List<String> TERMS = List.of("product", "products", "aProduct", "model", "release", "releases", "aRelease");
    private static final Pattern TERM = Pattern.compile("\\{([A-Za-z]+)}");

    private final ResourceBundle bundle;
    private final Map<String, String> terms;
    /** Messages with their terms replaced, filled on first use. The bundle never changes, so entries never go stale. */
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    public Text(Locale locale) {
        this(ResourceBundle.getBundle("i18n.messages", locale), Terminology.DEFAULT);
    }

    private Text(ResourceBundle bundle, Terminology terminology) {
        this.bundle = bundle;
        this.terms = termWords(bundle, terminology);
    }

    /** Returns the texts of the same language with the words of another terminology. */
    public Text withTerms(Terminology terminology) {
        return new Text(bundle, terminology);
    }

    @Override
    public String lookup(String key) {
        return resolved.computeIfAbsent(key, this::read);
    }

    private String read(String key) {
        String message;
        try {
            message = bundle.getString(key);
        } catch (MissingResourceException missing) {
            log.warn("Missing UI text for key {}", key);
            return "[" + key + "]";
        }
        return message.indexOf('{') < 0 ? message : replaceTerms(message);
    }

    private String replaceTerms(String message) {
        Matcher matcher = TERM.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String lowerName = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            String word = terms.get(lowerName);
            if (word == null) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            } else {
                boolean capital = Character.isUpperCase(name.charAt(0));
                matcher.appendReplacement(out, Matcher.quoteReplacement(capital ? capitalize(word) : word));
            }
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> termWords(ResourceBundle bundle, Terminology terminology) {
        Map<String, String> words = new java.util.HashMap<>();
        for (String name : TERMS) {
            words.put(name, bundle.getString("terms." + terminology.id() + "." + name));
        }
        return Map.copyOf(words);
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Shorthand for {@link #localize(String, Object...)} in templates. */
    public Content t(String key, Object... args) {
        return localize(key, args);
    }

    /** Formats an epoch-millisecond time in the server's time zone; null (never) becomes "". */
    public String dateTime(Long epochMillis) {
        return epochMillis == null ? "" : DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Returns the message as plain text with its placeholders filled in, for use outside HTML. */
    public String plain(String key, Object... args) {
        return fill(lookup(key), List.of(args));
    }

    public String plain(String key, List<Object> args) {
        return fill(lookup(key), args);
    }

    private String fill(String message, List<Object> args) {
        Matcher matcher = LocalizationSupport.pattern.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            String value = index < args.size() ? argument(args.get(index)) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Formats one placeholder value; a {@link FieldErrors.Label} becomes the text of its message key. */
    private String argument(Object value) {
        return value instanceof FieldErrors.Label label ? lookup(label.key()) : String.valueOf(value);
    }
}
