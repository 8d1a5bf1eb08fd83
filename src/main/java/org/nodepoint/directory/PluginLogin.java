package org.nodepoint.directory;

import java.util.Map;
import org.nodepoint.config.Plugin;
import org.nodepoint.plugins.PluginResult;
import org.nodepoint.plugins.PluginRunner;

/**
 * Checks a sign-in with the authentication plugin. The user name is the value of {@code %user%},
 * which reaches the command as a quoted environment variable reference. The password is written
 * to the command's standard input followed by a line break, so that it is on no command line and
 * in no environment. Exit code 0 accepts the sign-in.
 */
final class PluginLogin {
    /** NodePoint 1.x put the password on the command line with this placeholder; this version refuses such a command. */
    static final String PASSWORD_PLACEHOLDER = "%pass%";

    private PluginLogin() {
    }

    static CheckOutcome check(PluginRunner plugins, String template, String name, String password) {
        if (template.contains(PASSWORD_PLACEHOLDER)) {
            return CheckOutcome.unavailable("The authentication command contains " + PASSWORD_PLACEHOLDER
                    + ", which would put the password on a command line, so it was not run. Read the password from standard input instead.");
        }
        if (password == null || password.isEmpty()) {
            return CheckOutcome.rejected("empty password, not sent to the authentication command");
        }
        PluginResult result = plugins.run(Plugin.AUTHENTICATION, name, Map.of("user", name), password + "\n");
        if (result.succeeded()) {
            return CheckOutcome.accepted("");
        }
        return switch (result.outcome()) {
            case EXITED -> CheckOutcome.rejected("the authentication command exited with code " + result.exitCode());
            case NOT_CONFIGURED -> CheckOutcome.unavailable("The authentication command was removed during the sign-in.");
            default -> CheckOutcome.unavailable("The authentication command did not finish: " + result.outcome());
        };
    }
}
