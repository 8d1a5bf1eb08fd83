package org.nodepoint.plugins;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one script with {@code /bin/sh -c} in a session and process group of its own. At the time
 * limit the whole session is stopped: the shell, the programs it started and their children, also
 * those that moved to another process group. When the shell exits in time, the processes it left
 * running in its session are stopped at once, so that no process of a run outlives it unless it
 * started a session of its own.
 */
final class PluginProcess {
    private static final Logger log = LoggerFactory.getLogger(PluginProcess.class);
    private static final String SHELL = "/bin/sh";
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    /** How long stopping may wait for the processes to exit and for their output to close. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /**
     * setsid(1) starts the shell as the leader of a new session and process group, so that one
     * signal reaches every process it started, and /proc finds those that left the group.
     */
    private static final Optional<Path> SETSID = findSetsid();

    /**
     * The end of a run: the shell's exit code, or null when the time limit stopped it, and
     * whether processes that the shell left running were stopped after it exited.
     */
    record Finished(Integer exitCode, boolean leftoversStopped, PluginOutput output) {
        boolean timedOut() {
            return exitCode == null;
        }
    }

    private PluginProcess() {
    }

    /**
     * Starts the script and waits for the shell to exit, at most {@code limit}, then for its
     * output to close. {@code standardInput} is written to the command and closed, and null
     * closes it at once. An interrupt stops the processes before the exception leaves.
     */
    static Finished run(String script, Map<String, String> values, byte[] standardInput, Duration limit, Path workingDirectory,
            ExecutorService io) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(script)).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(values));
        Process process = builder.start();
        PluginOutput output = new PluginOutput();
        io.execute(() -> output.readAll(process.getInputStream()));
        io.execute(() -> feed(process.getOutputStream(), standardInput));
        try {
            if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                stop(process);
                output.awaitClosed(STOP_WAIT.toNanos());
                return new Finished(null, false, output);
            }
            boolean leftoversStopped = stopLeftovers(process.pid());
            output.awaitClosed(STOP_WAIT.toNanos());
            return new Finished(process.exitValue(), leftoversStopped, output);
        } catch (InterruptedException interrupted) {
            stop(process);
            throw interrupted;
        }
    }

    /**
     * Returns the environment of a run: PATH, HOME, TZ, LANG and LC_* of the server, so that
     * programs are found and text is read in the same locale, plus one variable per value.
     */
    static Map<String, String> environment(Map<String, String> values) {
        Map<String, String> environment = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.equals("PATH") || name.equals("HOME") || name.equals("TZ") || name.equals("LANG") || name.startsWith("LC_")) {
                environment.put(name, value);
            }
        });
        environment.putIfAbsent("PATH", DEFAULT_PATH);
        values.forEach((name, value) -> environment.put(CommandTemplate.variable(name), value));
        return environment;
    }

    private static List<String> command(String script) {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.add(SHELL);
        command.add("-c");
        command.add(script);
        return command;
    }

    private static void feed(OutputStream standardInput, byte[] bytes) {
        try (standardInput) {
            if (bytes != null) {
                standardInput.write(bytes);
            }
        } catch (IOException commandDidNotRead) {
            // The command exited or closed its input before reading all of it, which is its choice.
        }
    }

    /**
     * Kills the process group and the other live processes of the session, then each process
     * that was a descendant of the shell, and waits until the shell and the session have exited.
     * The descendants catch a process that left the session with a setsid of its own, as long as
     * its parent lives. An interrupt that arrives meanwhile is held back until the end.
     */
    private static void stop(Process process) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        List<ProcessHandle> started = process.descendants().toList();
        if (SETSID.isPresent()) {
            interrupted |= killGroup(process.pid(), deadline);
            killSessionMembers(process.pid());
        }
        started.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        interrupted |= awaitExit(process.toHandle(), deadline);
        if (SETSID.isPresent()) {
            interrupted |= awaitGroupExit(process.pid(), deadline);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills what is left of the group and session of a shell that has exited, and returns true
     * when /proc showed that something was left. Both keep the exited shell's number as their id,
     * and Linux does not give that number to a new process while a process of either lives.
     */
    private static boolean stopLeftovers(long groupId) {
        if (SETSID.isEmpty() || (ProcessGroup.isSupported() && !ProcessGroup.hasLiveMembers(groupId))) {
            return false;
        }
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        interrupted |= killGroup(groupId, deadline);
        killSessionMembers(groupId);
        interrupted |= awaitGroupExit(groupId, deadline);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ProcessGroup.isSupported();
    }

    /** Sends SIGKILL to every process of the group; returns true when an interrupt arrived meanwhile. */
    private static boolean killGroup(long groupId, long deadline) {
        ProcessBuilder kill = new ProcessBuilder(SHELL, "-c", "kill -s KILL -- \"-$1\" 2>/dev/null", "kill", Long.toString(groupId))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        kill.environment().clear();
        try {
            return awaitExit(kill.start().toHandle(), deadline);
        } catch (IOException failure) {
            log.warn("Failed to signal plugin process group {}: {}", groupId, failure.getMessage());
            return false;
        }
    }

    /**
     * Sends SIGKILL to each live process of the session that /proc lists, which includes those
     * that moved to a process group of their own with setpgid. Without /proc it does nothing.
     */
    private static void killSessionMembers(long sessionId) {
        if (!ProcessGroup.isSupported()) {
            return;
        }
        try {
            for (long member : ProcessGroup.liveMembers(sessionId)) {
                ProcessHandle.of(member).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException unreadable) {
            log.warn("Failed to list the processes of plugin session {}: {}", sessionId, unreadable.getMessage());
        }
    }

    /**
     * Waits until no process of the group or session is live, checking /proc every 10 ms until
     * the deadline and killing the members it still finds, such as a process that a member
     * started just before it was killed. Returns true when an interrupt arrived meanwhile.
     * Without /proc it returns at once.
     */
    private static boolean awaitGroupExit(long groupId, long deadline) {
        boolean interrupted = false;
        while (ProcessGroup.isSupported() && ProcessGroup.hasLiveMembers(groupId)) {
            if (System.nanoTime() > deadline) {
                log.warn("Plugin process group {} was still running {} s after it was killed", groupId, STOP_WAIT.toSeconds());
                break;
            }
            killSessionMembers(groupId);
            try {
                Thread.sleep(10);
            } catch (InterruptedException held) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** Waits until the process exits or the deadline passes; returns true when an interrupt arrived meanwhile. */
    private static boolean awaitExit(ProcessHandle handle, long deadline) {
        boolean interrupted = false;
        while (true) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return interrupted;
            } catch (InterruptedException held) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException notExited) {
                return interrupted;
            }
        }
    }

    private static Optional<Path> findSetsid() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse(DEFAULT_PATH);
        for (String folder : (path + File.pathSeparator + DEFAULT_PATH).split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "setsid");
            if (candidate.isAbsolute() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        log.warn("setsid was not found on the PATH, so at the time limit a plugin command is stopped only with the processes "
                + "that are still its descendants, and processes that it leaves running when it exits are not stopped");
        return Optional.empty();
    }
}
