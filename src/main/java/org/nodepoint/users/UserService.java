package org.nodepoint.users;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts: look-up, registration, the administrator account and password checks. */
public final class UserService {
    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    public static final int MIN_NAME_LENGTH = 3;
    public static final int MAX_NAME_LENGTH = 20;
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;
    public static final int MAX_EMAIL_LENGTH = 99;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Names of the built-in actors, and "admin", which stays reserved after the administrator is renamed. */
    private static final Set<String> RESERVED_NAMES = Set.of("api", "guest", "system", "admin");

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final Passwords passwords;
    private final SettingsStore settings;
    private final Clock clock;
    /** A hash of a random password, verified for unknown names so that they take as long as wrong passwords. */
    private volatile String decoyHash;

    public UserService(Database database, Passwords passwords, SettingsStore settings, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
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
     * Checks a name and password. Unknown names, wrong passwords, disabled and built-in accounts
     * all return empty after the same amount of hashing work, so the result reveals nothing.
     */
    public Optional<User> authenticate(String name, String password) {
        String trimmedName = name == null ? "" : name.strip();
        Optional<User> user = trimmedName.isEmpty() ? Optional.empty() : findByName(trimmedName);
        if (user.isEmpty()) {
            passwords.verify(password, decoyHash());
            return Optional.empty();
        }
        User found = user.get();
        String storedHash = found.isAdmin() ? settings.current().adminPasswordHash() : found.passwordHash();
        boolean valid = storedHash != null && passwords.verify(password, storedHash);
        if (storedHash == null) {
            passwords.verify(password, decoyHash());
        }
        if (!valid || !found.canSignIn()) {
            return Optional.empty();
        }
        if (passwords.needsRehash(storedHash)) {
            String newHash = passwords.hash(password);
            if (found.isAdmin()) {
                settings.update(Map.of(Settings.ADMIN_PASSWORD, newHash));
            } else {
                writer.useExtension(UserDao.class, dao -> dao.updatePasswordHash(found.id(), newHash));
            }
            log.info("Rehashed the password of user {} with the current parameters", found.id());
        }
        writer.useExtension(UserDao.class, dao -> dao.recordLogin(found.id(), clock.millis()));
        return Optional.of(found);
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
        String cleanName = name == null ? "" : name.strip();
        String cleanEmail = email == null ? "" : email.strip();
        FieldErrors errors = new FieldErrors();
        checkName(cleanName, errors);
        checkPassword(password, errors);
        if (password != null && !password.equals(passwordAgain)) {
            errors.add("password2", "users.password.mismatch");
        }
        checkEmail(cleanEmail, errors);
        errors.throwIfAny();

        String hash = passwords.hash(password);
        int level = settings.current().defaultLevel();
        long id = writer.inTransaction(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            if (dao.findByName(cleanName).isPresent()) {
                throw new ConflictException("name", "users.name.taken");
            }
            return dao.insert(cleanName, hash, cleanEmail, level, User.KIND_LOCAL, clock.millis());
        });
        log.info("Registered user {} ({}) at level {}", id, cleanName, level);
        return findById(id).orElseThrow();
    }

    private void checkName(String name, FieldErrors errors) {
        if (name.length() < MIN_NAME_LENGTH || name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "users.name.length", MIN_NAME_LENGTH, MAX_NAME_LENGTH);
        } else if (!NAME.matcher(name).matches()) {
            errors.add("name", "users.name.characters");
        } else if (isReserved(name)) {
            errors.add("name", "users.name.reserved", name);
        }
    }

    private boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESERVED_NAMES.contains(lower) || lower.equals(settings.current().adminName().toLowerCase(Locale.ROOT));
    }

    /** Adds an error when the password breaks the length rule; shared by registration and setup. */
    public static void checkPassword(String password, FieldErrors errors) {
        int length = password == null ? 0 : password.length();
        if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
            errors.add("password", "users.password.length", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
        }
    }

    private static void checkEmail(String email, FieldErrors errors) {
        if (email.isEmpty()) {
            return;
        }
        if (email.length() > MAX_EMAIL_LENGTH) {
            errors.add("email", "users.email.length", MAX_EMAIL_LENGTH);
        } else if (!EMAIL.matcher(email).matches()) {
            errors.add("email", "users.email.invalid");
        }
    }
}
