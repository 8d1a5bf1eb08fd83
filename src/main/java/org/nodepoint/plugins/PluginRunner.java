package org.nodepoint.plugins;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.nodepoint.background.BackgroundExecutors;
import org.nodepoint.background.BackgroundExecutors.Shutdown;
import org.nodepoint.background.DaemonThreads;
import org.nodepoint.background.UnfinishedCount;
import org.nodepoint.config.Plugin;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.plugins.PluginResult.Outcome;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the administrator's plugin commands. A command template runs with {@code /bin/sh -c}, with
 * each {@code %name%} replaced by a quoted reference to an environment variable that carries the
 * value (see {@link CommandTemplate}), so nothing a user typed is ever parsed by the shell. At the
 * plugin time limit a run is stopped with every process it started. Each run goes to the system
 * log with its exit code and first lines of output, where the value of {@code %pass%} and the
 * standard input are hidden.
 *
 * <p>{@link #submit} queues a run on a small pool of its own threads, so neither a request nor the
 * event thread waits for a command. {@link #run} runs on the caller's thread, for the
 * authentication plugin, whose result the sign-in needs.
 */
public final class PluginRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PluginRunner.class);
    public static final int DEFAULT_THREADS = 2;
    public static final int DEFAULT_QUEUE_CAPACITY = 100;
    /** How long {@link #close()} lets queued and running commands finish before it stops them. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    /** Values that never reach a log, not even inside a command's output. */
    private static final Set<String> SECRET_NAMES = Set.of("pass");
    private static final Pattern VALUE_NAME = Pattern.compile("[a-z]+");
    /**
     * The maximum size of one value in bytes of UTF-8, the cut marker included. Linux rejects a
     * command whose environment variable exceeds 128 KiB (MAX_ARG_STRLEN) with E2BIG, and half of
     * that leaves room for several long values within the limit on the whole environment.
     */
    static final int MAX_VALUE_BYTES = 64 * 1024;
    /** Ends a value that was cut to {@link #MAX_VALUE_BYTES}. */
    static final String CUT_MARKER = " [cut at 64 KiB]";
    /** At most one system log entry per minute about dropped runs, so that a flood of events does not flood the log. */
    private static final long DROPPED_ENTRY_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final SettingsStore settings;
    private final SystemLog systemLog;
    private final Path workingDirectory;
    private final int queueCapacity;
    private final ThreadPoolExecutor runs;
    /** Reads output and writes standard input, two short-lived tasks for each running command. */
    private final ExecutorService io;
    private final UnfinishedCount unfinished = new UnfinishedCount();
    private int droppedSinceEntry;
    private long lastDroppedEntryNanos;
    private boolean droppedEntryWritten;

    /** Runs commands in {@code workingDirectory}, with the default pool and queue sizes. */
    public PluginRunner(SettingsStore settings, SystemLog systemLog, Path workingDirectory) {
        this(settings, systemLog, workingDirectory, DEFAULT_THREADS, DEFAULT_QUEUE_CAPACITY);
    }

    /** Runs at most {@code threads} submitted commands at once and keeps at most {@code queueCapacity} waiting. */
    public PluginRunner(SettingsStore settings, SystemLog systemLog, Path workingDirectory, int threads, int queueCapacity) {
        this.settings = settings;
        this.systemLog = systemLog;
        this.workingDirectory = workingDirectory;
        this.queueCapacity = queueCapacity;
        this.runs = BackgroundExecutors.boundedPool(threads, queueCapacity, DaemonThreads.numbered("nodepoint-plugin-"));
        this.io = Executors.newCachedThreadPool(DaemonThreads.named("nodepoint-plugin-io"));
        warnUnlessUtf8(Charset.defaultCharset());
    }

    /** True when the plugin has a command template. */
    public boolean isConfigured(Plugin plugin) {
        return !settings.current().plugin(plugin).isEmpty();
    }

    /**
     * Queues a run of the plugin with the given values, such as "title" for {@code %title%}, and
     * returns at once. Returns false when nothing was queued: the template is empty, the queue
     * is full (which the system log records) or the runner is closed. {@code actor} is the user
     * name that the system log entry shows.
     */
    public boolean submit(Plugin plugin, String actor, Map<String, String> values) {
        String template = settings.current().plugin(plugin);
        if (template.isEmpty()) {
            return false;
        }
        Map<String, String> clean = cleanValues(values);
        unfinished.increment();
        try {
            runs.execute(() -> {
                try {
                    execute(plugin, template, actor, clean, null);
                } catch (RuntimeException failure) {
                    log.error("Plugin {} failed", plugin.key(), failure);
                } finally {
                    unfinished.decrement();
                }
            });
            return true;
        } catch (RejectedExecutionException rejected) {
            unfinished.decrement();
            if (runs.isShutdown()) {
                log.warn("Plugin {} did not run because the plugin runner is closed", plugin.key());
            } else {
                recordDropped(plugin, actor);
            }
            return false;
        }
    }

    /** Runs the plugin on the caller's thread with standard input closed; see {@link #run(Plugin, String, Map, String)}. */
    public PluginResult run(Plugin plugin, String actor, Map<String, String> values) {
        return run(plugin, actor, values, null);
    }

    /**
     * Runs the plugin on the caller's thread and waits for it, at most the plugin time limit.
     * {@code standardInput}, when not null, is written to the command as UTF-8 and then closed, so
     * that a secret such as a password can reach it without being in any environment or command
     * line. The system log entry hides it.
     */
    public PluginResult run(Plugin plugin, String actor, Map<String, String> values, String standardInput) {
        String template = settings.current().plugin(plugin);
        if (template.isEmpty()) {
            return PluginResult.without(Outcome.NOT_CONFIGURED);
        }
        return execute(plugin, template, actor, cleanValues(values), standardInput);
    }

    private PluginResult execute(Plugin plugin, String template, String actor, Map<String, String> values, String standardInput) {
        int limitSeconds = settings.current().pluginTimeoutSeconds();
        String script = CommandTemplate.script(template, values.keySet());
        byte[] input = standardInput == null ? null : standardInput.getBytes(StandardCharsets.UTF_8);
        PluginResult result;
        boolean interrupted = false;
        try {
            PluginProcess.Finished finished = PluginProcess.run(script, values, input, Duration.ofSeconds(limitSeconds), workingDirectory, io);
            result = result(finished, secrets(values, standardInput));
        } catch (IOException failure) {
            log.warn("Plugin {} failed to start: {}", plugin.key(), failure.getMessage());
            systemLog.record(LogCategory.PLUGIN, actor, "Plugin " + plugin.key() + " failed to start: " + failure.getMessage());
            return PluginResult.without(Outcome.NOT_STARTED);
        } catch (InterruptedException stoppedAtShutdown) {
            interrupted = true;
            result = PluginResult.without(Outcome.INTERRUPTED);
        }
        // The entry is written before the interrupt is restored, so that the database write is not cut short.
        systemLog.record(LogCategory.PLUGIN, actor, PluginRunReport.describe(plugin, result, limitSeconds));
        if (result.succeeded()) {
            log.debug(PluginRunReport.summary(plugin, result, limitSeconds));
        } else {
            log.warn(PluginRunReport.summary(plugin, result, limitSeconds));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    private static PluginResult result(PluginProcess.Finished finished, List<String> secrets) {
        PluginOutput.Excerpt excerpt = finished.output().excerpt(secrets);
        Outcome outcome = finished.timedOut() ? Outcome.TIMED_OUT : Outcome.EXITED;
        return new PluginResult(outcome, finished.exitCode(), excerpt.lines(), excerpt.cut(), finished.leftoversStopped());
    }

    /** Returns the texts that the output may not show: secret values, and each line of the standard input. */
    private static List<String> secrets(Map<String, String> values, String standardInput) {
        List<String> secrets = new ArrayList<>();
        SECRET_NAMES.forEach(name -> secrets.add(values.getOrDefault(name, "")));
        if (standardInput != null) {
            secrets.add(standardInput.strip());
            secrets.addAll(List.of(standardInput.split("\r?\n")));
        }
        // Longer secrets go first, because hiding a shorter secret that is part of a longer one would break the longer one's match.
        secrets.sort((a, b) -> b.length() - a.length());
        return secrets;
    }

    /**
     * Copies the values without NUL characters, which an environment variable cannot hold, and
     * with each one cut to {@link #MAX_VALUE_BYTES}.
     */
    private static Map<String, String> cleanValues(Map<String, String> values) {
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!VALUE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("A plugin value name must be lower-case letters: " + name);
            }
            clean.put(name, cutToFit(value == null ? "" : value.replace("\0", "")));
        });
        return clean;
    }

    /**
     * Returns the value unchanged when its UTF-8 form fits in {@link #MAX_VALUE_BYTES}. Otherwise
     * returns the longest start of it, ending between two characters, that fits together with
     * {@link #CUT_MARKER}, and the marker.
     */
    static String cutToFit(String value) {
        // No UTF-16 unit takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for two units).
        if (value.length() * 3L <= MAX_VALUE_BYTES || value.getBytes(StandardCharsets.UTF_8).length <= MAX_VALUE_BYTES) {
            return value;
        }
        int budget = MAX_VALUE_BYTES - CUT_MARKER.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int codePoint = value.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return value.substring(0, end) + CUT_MARKER;
    }

    /** Returns the UTF-8 length of a code point; an unpaired surrogate becomes "?", one byte, as Java encodes it. */
    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80 || Character.isSurrogate((char) codePoint)) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private synchronized void recordDropped(Plugin plugin, String actor) {
        droppedSinceEntry++;
        long now = System.nanoTime();
        if (droppedEntryWritten && now - lastDroppedEntryNanos < DROPPED_ENTRY_INTERVAL_NANOS) {
            return;
        }
        String message = "Plugin " + plugin.key() + " did not run because the queue of waiting plugin runs was full (capacity "
                + queueCapacity + "). Runs dropped since the previous entry like this: " + droppedSinceEntry + ".";
        log.warn(message);
        systemLog.record(LogCategory.PLUGIN, actor, message);
        droppedSinceEntry = 0;
        lastDroppedEntryNanos = now;
        droppedEntryWritten = true;
    }

    /** Waits until no submitted run is waiting or running; for tests. Throws when that takes longer than {@code timeout}. */
    public void awaitIdle(Duration timeout) {
        unfinished.awaitZero(timeout, "plugin runs were still waiting or running");
    }

    /**
     * Takes no more runs and lets the queued ones finish for up to 30 seconds. After that it stops
     * the running commands, drops the runs still queued with a warning, and waits up to 30 more
     * seconds for the stopped commands to end.
     */
    @Override
    public void close() {
        Shutdown shutdown = BackgroundExecutors.shutDown(runs, CLOSE_WAIT, CLOSE_WAIT);
        shutdown.neverStarted().forEach(run -> unfinished.decrement());
        if (shutdown.timedOut()) {
            log.warn("Stopped the running plugin commands at shutdown; {} queued runs did not run", shutdown.neverStarted().size());
        }
        io.shutdownNow();
    }

    /**
     * Java 17 encodes environment variables in the default charset, which follows the locale
     * unless -Dfile.encoding is set. Under the C locale that is ASCII, and every other character
     * of a value would reach the command as '?'.
     */
    private static void warnUnlessUtf8(Charset charset) {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            log.warn("The Java default charset is {}, so plugin values reach commands with every other character "
                    + "replaced by '?'. Start Java with -Dfile.encoding=UTF-8 to pass them intact.", charset);
        }
    }
}
