package org.nodepoint.users;

import java.security.SecureRandom;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What user managers do to other accounts: list them, read their summary, create them, change
 * their level, reset their password, disable and enable them.
 *
 * <p>Who may act on whom is decided here, for every page and any later caller:
 * <ul>
 * <li>Only local accounts are managed. The administrator's name and password live in
 * nodepoint.cfg, and the built-in actors never sign in.
 * <li>Nobody acts on their own account: nobody changes their own level, and a user changes their
 * own password under Settings.
 * <li>Everyone else acts only on accounts below their own level and grants only levels below their
 * own. A user manager (level 5) therefore manages levels 0 to 4, and only the administrator
 * (level 6) grants level 5 or changes a level 5 account.
 * </ul>
 */
public final class UserManagementService {
    private static final Logger log = LoggerFactory.getLogger(UserManagementService.class);
    /** Letters and digits without the look-alikes 0/O, 1/l/I, so that a password read aloud or retyped survives. */
    private static final String TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 16 characters of 57 give about 93 bits of randomness. */
    private static final int TEMPORARY_LENGTH = 16;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final UserService users;
    private final Passwords passwords;
    private final SettingsStore settings;
    private final AccountMails mails;
    private final SystemLog systemLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UserManagementService(Database database, UserService users, Passwords passwords, SettingsStore settings, AccountMails mails,
            SystemLog systemLog, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.users = users;
        this.passwords = passwords;
        this.settings = settings;
        this.mails = mails;
        this.systemLog = systemLog;
        this.clock = clock;
    }

    /** Returns one page of local accounts by name, all of them or those of one level. */
    public UserList list(Integer level, long offset, int limit) {
        return read.withExtension(UserDao.class, dao -> level == null
                ? new UserList(dao.listLocal(offset, limit), dao.countLocal())
                : new UserList(dao.listLocalAtLevel(level, offset, limit), dao.countLocalAtLevel(level)));
    }

    /**
     * Returns a person's account by name with its activity counts; throws NotFoundException for
     * unknown names and for the built-in accounts (api, system, guest), because they belong to no person.
     */
    public UserSummary summary(String name) {
        User user = users.findByName(name).filter(found -> !found.isBuiltin())
                .orElseThrow(() -> new NotFoundException("users.notFound"));
        UserActivity activity = read.withExtension(UserDao.class, dao -> dao.activityOf(user.id()));
        return new UserSummary(user, activity);
    }

    /** True when the actor may change this account's level, password and status. */
    public boolean canManage(Viewer actor, User target) {
        return rejectionReason(actor, target) == null;
    }

    /** Returns the highest level the actor may grant: 5 for the administrator, 4 for a user manager. */
    public int maxGrantableLevel(Viewer actor) {
        return Math.min(actor.level() - 1, Level.USERS_MANAGEMENT);
    }

    /**
     * Creates a local account that must choose a new password at its first sign-in, because the
     * person who created it chose the password.
     */
    public User create(Viewer actor, NewUser form) {
        requireManager(actor);
        requireGrantable(actor, form.level());
        User user = users.createLocal(form, true).user();
        log.info("User {} created user {} ({}) at level {}", actor.userId(), user.id(), user.name(), user.level());
        systemLog.record(LogCategory.USERS, actor.name(), "Created user " + user.name() + " at level " + user.level());
        return user;
    }

    /** Sets the level of an account; level 0 also ends all of its sessions. */
    public User changeLevel(Viewer actor, String name, int level) {
        User target = managed(actor, name);
        requireGrantable(actor, level);
        writer.useTransaction(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            recheck(dao, actor, target);
            dao.setLevel(target.id(), level);
            if (level == Level.UNAUTHORIZED) {
                dao.endSessions(target.id());
            }
        });
        log.info("User {} set the level of user {} from {} to {}", actor.userId(), target.id(), target.level(), level);
        systemLog.record(LogCategory.USERS, actor.name(), "Changed the level of " + target.name() + " from " + target.level() + " to " + level);
        return users.findById(target.id()).orElseThrow();
    }

    /**
     * Replaces the password of an account with a random one, which the account must change at its
     * next sign-in, ends all of its sessions and revokes its open reset codes. Returns the new password so that the caller can
     * show it once; it is never stored, logged or mailed in clear. A user with a confirmed address
     * gets a mail that names the actor. The demonstration account keeps no forced change, because
     * it cannot change its own password, and gets no mail.
     */
    public String resetPassword(Viewer actor, String name) {
        User target = managed(actor, name);
        String password = temporaryPassword();
        String hash = passwords.hash(password);
        long now = clock.millis();
        writer.useTransaction(handle -> {
            recheck(handle.attach(UserDao.class), actor, target);
            CredentialChanges.replacePassword(handle, target.id(), hash, !target.isDemo(), now);
        });
        log.info("User {} reset the password of user {}; their sessions ended", actor.userId(), target.id());
        systemLog.record(LogCategory.USERS, actor.name(), "Reset the password of " + target.name() + "; their sessions ended");
        if (target.emailConfirmed() && !target.email().isEmpty() && !target.isDemo()) {
            mails.sendResetByManager(target, actor.name());
        }
        return password;
    }

    /**
     * Disables an account, which ends all of its sessions, revokes its open reset codes and blocks
     * sign-in, or enables it again. Enabling brings back no code.
     */
    public User setDisabled(Viewer actor, String name, boolean disabled) {
        User target = managed(actor, name);
        long now = clock.millis();
        writer.useTransaction(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            recheck(dao, actor, target);
            dao.setDisabled(target.id(), disabled);
            if (disabled) {
                CredentialChanges.endAccess(handle, target.id(), now);
            }
        });
        log.info("User {} {} user {}", actor.userId(), disabled ? "disabled" : "enabled", target.id());
        systemLog.record(LogCategory.USERS, actor.name(), (disabled ? "Disabled user " : "Enabled user ") + target.name()
                + (disabled ? "; their sessions ended" : ""));
        return users.findById(target.id()).orElseThrow();
    }

    private User managed(Viewer actor, String name) {
        requireManager(actor);
        User target = users.findByName(name).orElseThrow(() -> new NotFoundException("users.notFound"));
        String reason = rejectionReason(actor, target);
        if (reason != null) {
            throw new ForbiddenException(reason);
        }
        return target;
    }

    /**
     * Applies the management rule again to the target as read inside the write transaction. The first
     * check reads before the transaction, so without this a manager could act on an account that the
     * administrator promoted in between.
     */
    private static void recheck(UserDao dao, Viewer actor, User target) {
        User current = dao.findById(target.id()).orElseThrow(() -> new NotFoundException("users.notFound"));
        String reason = rejectionReason(actor, current);
        if (reason != null) {
            throw new ForbiddenException(reason);
        }
    }

    /** Returns the message key that explains why the actor may not manage the target, or null when they may. */
    private static String rejectionReason(Viewer actor, User target) {
        if (!actor.hasLevel(Level.USERS_MANAGEMENT)) {
            return "error.forbidden.level";
        }
        if (target.isAdmin()) {
            return "users.manage.admin";
        }
        if (target.isBuiltin()) {
            return "users.manage.builtin";
        }
        if (target.id() == actor.userId()) {
            return "users.manage.self";
        }
        if (target.level() >= actor.level()) {
            return "users.manage.higher";
        }
        return null;
    }

    private static void requireManager(Viewer actor) {
        if (!actor.isSignedIn() || !actor.hasLevel(Level.USERS_MANAGEMENT)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }

    private void requireGrantable(Viewer actor, int level) {
        int max = maxGrantableLevel(actor);
        if (level < Level.UNAUTHORIZED || level > max) {
            throw ValidationException.of("level", "users.level.range", max);
        }
    }

    private String temporaryPassword() {
        int length = Math.max(TEMPORARY_LENGTH, settings.current().minPasswordLength());
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.toString();
    }
}
