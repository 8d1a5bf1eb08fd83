package org.nodepoint.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records every log event at DEBUG and above while open, for tests that check what is never
 * logged. The root level goes back to its previous value on close.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previousLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    /** Returns each recorded event as its formatted message followed by its exception text, if any. */
    public List<String> lines() {
        return linesWhere(event -> true);
    }

    /** Returns the lines of every logger at {@code level} and above, which excludes the libraries' DEBUG lines. */
    public List<String> linesAtOrAbove(Level level) {
        return linesWhere(event -> event.getLevel().isGreaterOrEqual(level));
    }

    /** Returns every line of NodePoint's own loggers, DEBUG included. */
    public List<String> nodePointLines() {
        return linesWhere(event -> event.getLoggerName().startsWith("org.nodepoint"));
    }

    private List<String> linesWhere(java.util.function.Predicate<ILoggingEvent> filter) {
        return List.copyOf(appender.list).stream()
                .filter(filter)
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    @Override
    public void close() {
        root.setLevel(previousLevel);
        root.detachAppender(appender);
        appender.stop();
    }
}
