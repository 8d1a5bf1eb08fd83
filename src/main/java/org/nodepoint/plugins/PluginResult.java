package org.nodepoint.plugins;

import java.util.List;

/**
 * The end of one plugin run. {@code exitCode} is set when the shell exited by itself.
 * {@code output} contains the first lines of standard output and error with secrets hidden, and
 * {@code outputCut} is true when more was printed. {@code leftoversStopped} is true when the shell
 * exited while processes it started were still running, which were then stopped.
 */
public record PluginResult(Outcome outcome, Integer exitCode, List<String> output, boolean outputCut, boolean leftoversStopped) {
    public enum Outcome {
        /** The template is empty, so nothing ran. */
        NOT_CONFIGURED,
        /** The command could not be started, for example because /bin/sh is missing. */
        NOT_STARTED,
        /** The command ended by itself within the time limit. */
        EXITED,
        /** The command was stopped at the time limit. */
        TIMED_OUT,
        /** The command was stopped because NodePoint was shutting down. */
        INTERRUPTED
    }

    static PluginResult without(Outcome outcome) {
        return new PluginResult(outcome, null, List.of(), false, false);
    }

    /** True when the command ended by itself with exit code 0, which the authentication plugin reads as accepted. */
    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode != null && exitCode == 0;
    }
}
