package org.nodepoint.users;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts of users whose password a directory or the authentication plugin checks. The first
 * successful sign-in creates a local account without a password hash, at the default level; later
 * sign-ins use the stored account and level. An address from the directory counts as confirmed,
 * because the directory's administrators vouch for it.
 */
public final class ExternalAccounts {
    private static final Logger log = LoggerFactory.getLogger(ExternalAccounts.class);

    private final GroupCommitWriter writer;
    private final UserService users;
    private final SettingsStore settings;
    private final Clock clock;

    /** The account that may sign in, or the reason, for the system log, why none may. */
    public record Provisioned(Optional<User> user, String problem) {
    }

    public ExternalAccounts(Database database, UserService users, SettingsStore settings, Clock clock) {
        this.writer = database.groupCommitWriter();
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Returns the account of a name that the external check accepted, creating it on the first
     * sign-in, and records the sign-in when {@code recordLogin} is true. Disabled accounts and the
     * built-in actors get none, and so does a name that breaks the account name rules.
     */
    public Provisioned accountFor(String name, String email, boolean recordLogin) {
        String cleanName = name.strip();
        Optional<User> existing = users.findByName(cleanName);
        if (existing.isEmpty()) {
            FieldErrors errors = new FieldErrors();
            AccountRules.checkName(cleanName, settings.current().adminName(), errors);
            if (!errors.isEmpty()) {
                return new Provisioned(Optional.empty(), "The name \"" + cleanName + "\" was accepted, but it cannot be an account name here: "
                        + AccountRules.MIN_NAME_LENGTH + " to " + AccountRules.MAX_NAME_LENGTH
                        + " letters, digits, dots and dashes, and not a reserved name.");
            }
            existing = Optional.of(create(cleanName, email));
        }
        User user = existing.get();
        if (!user.canSignIn() || user.isAdmin()) {
            return new Provisioned(Optional.empty(), "The account " + user.name() + " is disabled or cannot sign in here.");
        }
        if (user.mustChangePassword()) {
            // The password page is off while passwords are checked outside, so the mark would lock the user out.
            writer.useExtension(UserDao.class, dao -> dao.setPassword(user.id(), user.passwordHash(), false));
            log.info("Cleared the forced password change of user {}, whose password is checked outside NodePoint", user.id());
        }
        if (recordLogin) {
            writer.useExtension(UserDao.class, dao -> dao.recordLogin(user.id(), clock.millis()));
        }
        return new Provisioned(users.findById(user.id()), "");
    }

    private User create(String name, String email) {
        String address = email.length() <= AccountRules.MAX_EMAIL_LENGTH && AccountRules.isValidEmail(email) ? email : "";
        int level = settings.current().defaultLevel();
        try {
            long id = writer.inTransaction(handle -> {
                UserDao dao = handle.attach(UserDao.class);
                long created = dao.insertLocal(name, null, address, level, false, clock.millis());
                if (!address.isEmpty()) {
                    dao.confirmEmail(created, address);
                }
                return created;
            });
            log.info("Created user {} ({}) at level {} at their first directory or plugin sign-in", id, name, level);
            return users.findById(id).orElseThrow();
        } catch (UnableToExecuteStatementException createdMeanwhile) {
            // Two first sign-ins of one name at once: the other one created the account.
            return users.findByName(name).orElseThrow(() -> createdMeanwhile);
        }
    }
}
