package org.nodepoint.legacyimport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Maps the user names by which 1.x refers to users onto our user ids. 1.x compared names without
 * regard to case, so the keys are lower case. A name that only appears as an author (a user deleted
 * in 1.x) gets a disabled account without a password, so that the rows keep their author.
 */
final class UserIds {
    static final String PLACEHOLDERS = "users (authors without an account)";

    private final Handle handle;
    private final long now;
    private final Map<String, Long> ids = new HashMap<>();
    private final long guestId;
    private final long systemId;
    /** The administrator account's id, or null when the folder has none. */
    private final Long adminId;

    UserIds(Handle handle, long now) {
        this.handle = handle;
        this.now = now;
        handle.createQuery("SELECT id, name FROM users").map((result, context) -> Map.entry(result.getString("name"), result.getLong("id")))
                .forEach(entry -> ids.put(key(entry.getKey()), entry.getValue()));
        this.guestId = ids.get("guest");
        this.systemId = ids.get("system");
        this.adminId = handle.createQuery("SELECT id FROM users WHERE kind = 'admin' ORDER BY id LIMIT 1").mapTo(Long.class).findOne().orElse(null);
    }

    /** Returns the look-up key: other tables store names with 1.x's entities, like the users table. */
    static String key(String name) {
        return LegacyText.decode(name).strip().toLowerCase(Locale.ROOT);
    }

    void add(String name, long id) {
        ids.put(key(name), id);
    }

    /**
     * Makes the 1.x administrator's name find the administrator account, unless the name is empty,
     * the folder has no administrator, or the name already belongs to another account.
     */
    void addAdministratorName(String legacyAdminName) {
        if (!legacyAdminName.isBlank() && adminId != null) {
            ids.putIfAbsent(key(legacyAdminName), adminId);
        }
    }

    /** Returns true when the name finds the administrator account. */
    boolean isAdministrator(String name) {
        return adminId != null && adminId.equals(ids.get(key(name)));
    }

    Optional<Long> find(String name) {
        return Optional.ofNullable(ids.get(key(name)));
    }

    long systemId() {
        return systemId;
    }

    /**
     * Returns the id of the named user. An empty name is a guest, as in 1.x's log and comments. An
     * unknown name gets a disabled account, counted in the report of {@link #PLACEHOLDERS}, and
     * renamed there as {@link LegacyNames#userName} describes when registration would reject it.
     */
    long resolve(String name, TableReport placeholders) {
        String stripped = LegacyText.decode(name).strip();
        if (stripped.isEmpty()) {
            return guestId;
        }
        Long known = ids.get(key(stripped));
        if (known != null) {
            return known;
        }
        placeholders.read();
        String stored = LegacyNames.userName(stripped, candidate -> find(candidate).isPresent(), placeholders);
        long id = handle.createUpdate("INSERT INTO users (name, password_hash, email, level, kind, disabled, created_at) "
                        + "VALUES (:name, NULL, '', 0, 'local', 1, :now)")
                .bind("name", stored).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        ids.put(key(stripped), id);
        ids.put(key(stored), id);
        placeholders.imported();
        placeholders.repair("added as a disabled account without a password, because rows name this user and the users table does not");
        return id;
    }
}
