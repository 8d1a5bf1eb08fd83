package org.nodepoint.directory;

import java.util.Optional;
import org.nodepoint.config.Plugin;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.plugins.PluginRunner;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.users.ExternalAccounts;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one password check of the sign-in page and the verify_password API call. With a directory
 * configured, it checks every name except the administrator's against the directory. Otherwise,
 * with an authentication command set, that command decides. Otherwise the local password hash
 * decides. The administrator always signs in with the local password, so that a broken or
 * unreachable directory cannot lock everyone out of the settings.
 */
public final class SignInCheck {
    private static final Logger log = LoggerFactory.getLogger(SignInCheck.class);
    /** Longer names are rejected before anything is sent; no directory has logon names this long. */
    static final int MAX_NAME_LENGTH = 256;

    private final UserService users;
    private final ExternalAccounts accounts;
    private final PluginRunner plugins;
    private final SettingsStore settings;
    private final SystemLog systemLog;

    /** The account signed in, or empty; {@code unavailable} is true when the directory or the command could not be reached or timed out. */
    public record Result(Optional<User> user, boolean unavailable) {
        static Result failed() {
            return new Result(Optional.empty(), false);
        }
    }

    public SignInCheck(UserService users, ExternalAccounts accounts, PluginRunner plugins, SettingsStore settings, SystemLog systemLog) {
        this.users = users;
        this.accounts = accounts;
        this.plugins = plugins;
        this.settings = settings;
        this.systemLog = systemLog;
    }

    /** Checks the password for the sign-in page and records the sign-in of the account returned. */
    public Result signIn(String name, String password) {
        if (!usesExternalCheck(name)) {
            return new Result(users.authenticate(name, password), false);
        }
        return checkExternally(name, password, true);
    }

    /**
     * Checks the password for another program without signing in. Like {@link UserService#verifyCredentials},
     * it rejects level 0 accounts and the administrator.
     */
    public Result verify(String name, String password) {
        if (!usesExternalCheck(name)) {
            return new Result(users.verifyCredentials(name, password), false);
        }
        Result result = checkExternally(name, password, false);
        return new Result(result.user().filter(user -> user.level() > Level.UNAUTHORIZED), result.unavailable());
    }

    private boolean usesExternalCheck(String name) {
        Settings current = settings.current();
        boolean isAdmin = name != null && name.strip().equalsIgnoreCase(current.adminName());
        return current.externalSignIn() && !isAdmin;
    }

    private Result checkExternally(String name, String password, boolean recordLogin) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH || cleanName.chars().anyMatch(Character::isISOControl)) {
            return Result.failed();
        }
        Settings current = settings.current();
        String source = current.directoryEnabled() ? "directory" : "authentication command";
        CheckOutcome outcome = current.directoryEnabled()
                ? DirectoryLogin.check(DirectoryConfig.from(current), cleanName, password)
                : PluginLogin.check(plugins, current.plugin(Plugin.AUTHENTICATION), cleanName, password);
        switch (outcome.kind()) {
            case ACCEPTED -> {
                return provision(cleanName, outcome.email(), recordLogin);
            }
            case REJECTED -> {
                log.debug("The {} rejected a sign-in: {}", source, outcome.detail());
                return Result.failed();
            }
            case FAILED -> {
                record(cleanName, "Sign-in refused by the " + source + ": " + outcome.detail());
                return Result.failed();
            }
            default -> {
                record(cleanName, "Sign-in failed because the " + source + " is unavailable: " + outcome.detail());
                return new Result(Optional.empty(), true);
            }
        }
    }

    private Result provision(String name, String email, boolean recordLogin) {
        ExternalAccounts.Provisioned provisioned = accounts.accountFor(name, email, recordLogin);
        if (provisioned.user().isEmpty()) {
            record(name, "Sign-in refused: " + provisioned.problem());
        }
        return new Result(provisioned.user(), false);
    }

    private void record(String name, String message) {
        log.warn("{} (user name {})", message, name);
        systemLog.record(LogCategory.SIGN_IN, name, message);
    }
}
