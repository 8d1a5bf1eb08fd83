package org.nodepoint.plugins;

import org.nodepoint.config.Plugin;

/** The system log text of one plugin run: how it ended, then the first lines of its output. */
final class PluginRunReport {
    private PluginRunReport() {
    }

    /** Returns one sentence on how the run ended, without its output. */
    static String summary(Plugin plugin, PluginResult result, int limitSeconds) {
        String name = "Plugin " + plugin.key();
        return switch (result.outcome()) {
            case EXITED -> name + " exited with code " + result.exitCode() + "."
                    + (result.leftoversStopped() ? " The processes it left running were stopped." : "");
            case TIMED_OUT -> name + " timed out after " + limitSeconds + " s and was stopped with every process it started.";
            case INTERRUPTED -> name + " was stopped because NodePoint is shutting down.";
            case NOT_STARTED -> name + " failed to start.";
            case NOT_CONFIGURED -> name + " has no command.";
        };
    }

    /** Returns the summary followed by the first lines of the output, for the system log. */
    static String describe(Plugin plugin, PluginResult result, int limitSeconds) {
        StringBuilder text = new StringBuilder(summary(plugin, result, limitSeconds));
        if (result.output().isEmpty()) {
            text.append(" No output.");
        } else {
            text.append(" Output:");
            result.output().forEach(line -> text.append('\n').append(line));
            if (result.outputCut()) {
                text.append("\n(output cut)");
            }
        }
        return text.toString();
    }
}
