package org.nodepoint.users;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: look-up, creation, the administrator account, password checks, and the changes users
 * make to their own account. Names, passwords and e-mail addresses pass {@link AccountRules} on
 * every path that sets them.
 */
public final class UserService {
    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final Passwords passwords;
    private final SettingsStore settings;
    private final Clock clock;
    private final EmailConfirmations confirmations;
    /** A hash of a random password, verified for unknown names so that they take as long as wrong passwords. */
    private volatile String decoyHash;

    public UserService(Database database, Passwords passwords, SettingsStore settings, Clock clock, EmailConfirmations confirmations) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
        this.confirmations = confirmations;
    }

    public Optional<User> findById(long id) {
        return read.withExtension(UserDao.class, dao -> dao.findById(id));
    }

    public Optional<User> findByName(String name) {
        return read.withExtension(UserDao.class, dao -> dao.findByName(name));
    }

    /** Returns the users with these ids, keyed by id, in one query. */
    public Map<Long, User> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<User> users = read.withExtension(UserDao.class, dao -> dao.listByIds(Set.copyOf(ids)));
        return users.stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    /** Returns every local account in creation order (the administrator and built-in actors are not local). */
    public List<User> listLocalInCreationOrder() {
        return read.withExtension(UserDao.class, UserDao::listLocalInCreationOrder);
    }

    // Custom forms: the user pickers and the e-mail field.

    /** Returns up to {@code limit} names of accounts that may sign in and have at least {@code minLevel}, by name. */
    public List<String> listActiveNames(int minLevel, int limit) {
        return read.withExtension(UserDao.class, dao -> dao.listActiveNames(minLevel, limit));
    }

    /** Returns true for a plain ASCII address of the form that accounts accept (the length is the caller's to check). */
    public static boolean isValidEmail(String address) {
        return AccountRules.isValidEmail(address);
    }

    /** Returns true when registration would accept the name, apart from whether another account has it. */
    public static boolean isValidName(String name, String adminName) {
        FieldErrors errors = new FieldErrors();
        AccountRules.checkName(name, adminName, errors);
        return errors.isEmpty();
    }

    /** Returns the id of a built-in actor ({@code api}, {@code guest} or {@code system}). */
    public long builtinId(String name) {
        return findByName(name)
                .filter(User::isBuiltin)
                .map(User::id)
                .orElseThrow(() -> new IllegalStateException("Built-in account missing from the database: " + name));
    }

    /**
     * Sets the administrator's name and password: the hash goes to nodepoint.cfg and the account
     * row (level 6, no local password) is created or renamed to match.
     */
    public void configureAdmin(String name, String password, Map<String, String> otherSettings) {
        String hash = passwords.hash(password);
        writer.useTransaction(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            Optional<User> existing = dao.findAdmin();
            if (existing.isPresent()) {
                dao.rename(existing.get().id(), name);
            } else {
                dao.insert(name, null, "", Level.ADMIN, User.KIND_ADMIN, clock.millis());
            }
            Map<String, String> changes = new java.util.LinkedHashMap<>(otherSettings);
            changes.put(Settings.ADMIN_NAME, name);
            changes.put(Settings.ADMIN_PASSWORD, hash);
            settings.update(changes);
        });
    }

    /**
     * Checks a name and password for signing in, and records the sign-in. Unknown names, wrong
     * passwords, disabled and built-in accounts all return empty after the same amount of hashing
     * work, so the result reveals nothing.
     */
    public Optional<User> authenticate(String name, String password) {
        Optional<User> user = checkCredentials(name, password).filter(User::canSignIn);
        user.ifPresent(found -> writer.useExtension(UserDao.class, dao -> dao.recordLogin(found.id(), clock.millis())));
        return user;
    }

    /**
     * Checks a name and password for another program (the legacy verify_password call) without
     * signing in. Besides what sign-in rejects, it rejects level 0 accounts and the administrator,
     * whose credentials NodePoint 1.x could not verify either.
     */
    public Optional<User> verifyCredentials(String name, String password) {
        return checkCredentials(name, password)
                .filter(User::canSignIn)
                .filter(user -> !user.isAdmin() && user.level() > Level.UNAUTHORIZED);
    }

    /** Returns the account when the password is its own, rehashing a hash made with older parameters. */
    private Optional<User> checkCredentials(String name, String password) {
        String trimmedName = name == null ? "" : name.strip();
        Optional<User> user = trimmedName.isEmpty() ? Optional.empty() : findByName(trimmedName);
        if (user.isEmpty()) {
            passwords.verify(password, decoyHash());
            return Optional.empty();
        }
        User found = user.get();
        String storedHash = storedHash(found);
        boolean valid = storedHash != null && passwords.verify(password, storedHash);
        if (storedHash == null) {
            passwords.verify(password, decoyHash());
        }
        if (!valid) {
            return Optional.empty();
        }
        if (passwords.needsRehash(storedHash)) {
            rehash(found, password);
        }
        return Optional.of(found);
    }

    private String storedHash(User user) {
        return user.isAdmin() ? settings.current().adminPasswordHash() : user.passwordHash();
    }

    private void rehash(User user, String password) {
        String newHash = passwords.hash(password);
        if (user.isAdmin()) {
            settings.update(Map.of(Settings.ADMIN_PASSWORD, newHash));
        } else {
            writer.useExtension(UserDao.class, dao -> dao.updatePasswordHash(user.id(), newHash));
        }
        log.info("Rehashed the password of user {} with the current parameters", user.id());
    }

    /** Hashes the decoy on first use rather than at start, which would delay the first page by one hash. */
    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = passwords.hash(UUID.randomUUID().toString());
            decoyHash = hash;
        }
        return hash;
    }

    /** Creates a local account with the configured default level; throws ValidationException or ConflictException. */
    public User register(String name, String password, String passwordAgain, String email) {
        return registerAccount(name, password, passwordAgain, email).user();
    }

    /** Like {@link #register}, and also returns whether a confirmation mail went out, for the registration page. */
    public Registration registerAccount(String name, String password, String passwordAgain, String email) {
        Registration registration = createLocal(new NewUser(name, email, settings.current().defaultLevel(), password, passwordAgain), false);
        User user = registration.user();
        log.info("Registered user {} ({}) at level {}", user.id(), user.name(), user.level());
        return registration;
    }

    /** Creates a local account for the legacy add_user call, which sends the password once, at the default level. */
    public User createFromApi(String name, String password, String email) {
        return createLocal(new NewUser(name, email, settings.current().defaultLevel(), password, null), false).user();
    }

    /**
     * Validates and inserts a local account, then starts the confirmation of its address, if it
     * has one, through {@link EmailConfirmations#start}. A null {@code passwordAgain} skips the
     * password confirmation check, for callers that take the password once. The demonstration
     * account is never asked to change its password, because it cannot.
     */
    Registration createLocal(NewUser form, boolean mustChangePassword) {
        String name = form.name() == null ? "" : form.name().strip();
        String email = form.email() == null ? "" : form.email().strip();
        FieldErrors errors = new FieldErrors();
        AccountRules.checkName(name, settings.current().adminName(), errors);
        checkNewPassword(form.password(), form.passwordAgain(), errors);
        AccountRules.checkEmail(email, errors);
        errors.throwIfAny();

        String hash = passwords.hash(form.password());
        boolean mustChange = mustChangePassword && !User.DEMO_NAME.equalsIgnoreCase(name);
        long id = writer.inTransaction(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            if (dao.findByName(name).isPresent()) {
                throw new ConflictException("name", "users.name.taken");
            }
            return dao.insertLocal(name, hash, email, form.level(), mustChange, clock.millis());
        });
        User user = findById(id).orElseThrow();
        EmailConfirmations.Outcome confirmation = email.isEmpty() ? EmailConfirmations.Outcome.NOT_NEEDED : confirmations.start(user);
        return new Registration(user, confirmation);
    }

    private void checkNewPassword(String password, String passwordAgain, FieldErrors errors) {
        AccountRules.checkPassword(password, settings.current().minPasswordLength(), "password", errors);
        if (passwordAgain != null && password != null && !password.equals(passwordAgain)) {
            errors.add("password2", "users.password.mismatch");
        }
    }

    /**
     * Adds an error when the password breaks the rules with the default minimum length; used by
     * first-run setup, before any setting exists.
     */
    public static void checkPassword(String password, FieldErrors errors) {
        AccountRules.checkPassword(password, Settings.DEFAULT_MIN_PASSWORD_LENGTH, "password", errors);
    }

    /**
     * Changes the signed-in user's own password after checking the current one, clears a pending
     * forced change, revokes open reset codes and ends all of the user's sessions, the current one
     * included. The caller starts a new session, so a copy of an old session cookie stops working
     * too.
     */
    public User changeOwnPassword(Viewer self, String currentPassword, String newPassword, String newPasswordAgain) {
        User user = ownPasswordAccount(self);
        FieldErrors errors = new FieldErrors();
        checkCurrentPassword(user, currentPassword, errors);
        checkNewPassword(newPassword, newPasswordAgain, errors);
        if (newPassword != null && newPassword.equals(currentPassword)) {
            errors.add("password", "users.password.unchanged");
        }
        errors.throwIfAny();

        String hash = passwords.hash(newPassword);
        if (user.isAdmin()) {
            settings.update(Map.of(Settings.ADMIN_PASSWORD, hash));
        }
        long now = clock.millis();
        writer.useTransaction(handle -> CredentialChanges.replacePassword(handle, user.id(), user.isAdmin() ? null : hash, false, now));
        log.info("User {} changed their password; their sessions ended and their reset codes were revoked", user.id());
        return findById(user.id()).orElseThrow();
    }

    /**
     * Changes the signed-in user's own e-mail address after checking their password, and starts
     * the confirmation of the new address. An empty address removes it. Saving the current address
     * again mails a new code while it is unconfirmed, and changes nothing once it is confirmed.
     */
    public EmailConfirmations.Outcome changeOwnEmail(Viewer self, String password, String email) {
        User user = ownAccount(self);
        String cleanEmail = email == null ? "" : email.strip();
        FieldErrors errors = new FieldErrors();
        checkCurrentPassword(user, password, errors);
        AccountRules.checkEmail(cleanEmail, errors);
        errors.throwIfAny();

        if (cleanEmail.equals(user.email()) && user.emailConfirmed()) {
            return EmailConfirmations.Outcome.NOT_NEEDED;
        }
        writer.useExtension(UserDao.class, dao -> dao.setEmail(user.id(), cleanEmail));
        log.info("User {} changed their e-mail address", user.id());
        return confirmations.start(findById(user.id()).orElseThrow());
    }

    /**
     * Returns the signed-in user's account for a change to it, or throws ForbiddenException. The
     * demonstration account may not change its own password or address, so that one visitor cannot
     * lock the next one out.
     */
    public User ownAccount(Viewer self) {
        User user = self.isSignedIn() ? findById(self.userId()).orElse(null) : null;
        if (user == null || !user.canSignIn()) {
            throw new ForbiddenException("error.forbidden.level");
        }
        if (user.isDemo()) {
            throw new ForbiddenException("users.demo.locked");
        }
        return user;
    }

    /**
     * Returns the signed-in user's account for a change of its own password, or throws
     * ForbiddenException: besides what {@link #ownAccount} rejects, only the administrator has a
     * local password while a directory or the authentication command checks passwords.
     */
    public User ownPasswordAccount(Viewer self) {
        User user = ownAccount(self);
        if (settings.current().externalSignIn() && !user.isAdmin()) {
            throw new ForbiddenException("account.password.external");
        }
        return user;
    }

    private void checkCurrentPassword(User user, String password, FieldErrors errors) {
        String storedHash = storedHash(user);
        if (password == null || password.isEmpty() || storedHash == null || !passwords.verify(password, storedHash)) {
            errors.add("current", "users.password.currentWrong");
        }
    }

    /**
     * Sets the password of a local account by name, for the legacy change_password call, ends
     * the account's sessions and revokes its open reset codes. Throws NotFoundException for unknown names, the administrator and the
     * built-in actors, which NodePoint 1.x did not find among its users either.
     */
    public User setPassword(String name, String password) {
        User user = findByName(name).filter(User::isLocal).orElseThrow(() -> new NotFoundException("users.notFound"));
        FieldErrors errors = new FieldErrors();
        checkNewPassword(password, null, errors);
        errors.throwIfAny();

        String hash = passwords.hash(password);
        long now = clock.millis();
        writer.useTransaction(handle -> CredentialChanges.replacePassword(handle, user.id(), hash, user.mustChangePassword(), now));
        return user;
    }
}
