package org.nodepoint.web;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI texts of one language, read from the {@code i18n/messages} bundle. Messages are trusted
 * HTML; the values put into their {0}-style placeholders are escaped by jte.
 */
public final class Text implements LocalizationSupport {
    private static final Logger log = LoggerFactory.getLogger(Text.class);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ResourceBundle bundle;

    public Text(Locale locale) {
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale);
    }

    @Override
    public String lookup(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            log.warn("Missing UI text for key {}", key);
            return "[" + key + "]";
        }
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

    private static String fill(String message, List<Object> args) {
        Matcher matcher = LocalizationSupport.pattern.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            String value = index < args.size() ? String.valueOf(args.get(index)) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
