package org.nodepoint.users;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.FieldErrors;

/**
 * The rules for user names, passwords and e-mail addresses. Every path that creates an account or
 * sets a password or address calls these: registration, creation by a user manager, the API, own
 * settings and password resets.
 */
final class AccountRules {
    static final int MIN_NAME_LENGTH = 3;
    static final int MAX_NAME_LENGTH = 20;
    static final int MAX_EMAIL_LENGTH = 99;
    /** RFC 5321 limits the part before the @ to 64 characters. */
    private static final int MAX_LOCAL_PART_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]+");
    /** Names of the built-in actors, and "admin", which stays reserved after the administrator is renamed. */
    private static final Set<String> RESERVED_NAMES = Set.of("api", "guest", "system", "admin");
    /**
     * An unquoted local part (RFC 5322 dot-atom): the printable ASCII characters that need no quotes,
     * with single dots between them. Quoted local parts such as "a b"@example.com are not accepted.
     */
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** A host name of at least two labels whose last label is letters, so "localhost" and IP literals fail. */
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private AccountRules() {
    }

    static void checkName(String name, String adminName, FieldErrors errors) {
        if (name.length() < MIN_NAME_LENGTH || name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "users.name.length", MIN_NAME_LENGTH, MAX_NAME_LENGTH);
        } else if (!NAME.matcher(name).matches()) {
            errors.add("name", "users.name.characters");
        } else if (isReserved(name, adminName)) {
            errors.add("name", "users.name.reserved", name);
        }
    }

    private static boolean isReserved(String name, String adminName) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESERVED_NAMES.contains(lower) || lower.equals(adminName.toLowerCase(Locale.ROOT));
    }

    /** Adds an error under {@code field} when the password is too short, too long or common. */
    static void checkPassword(String password, int minLength, String field, FieldErrors errors) {
        int length = password == null ? 0 : password.length();
        if (length < minLength || length > Settings.MAX_PASSWORD_LENGTH) {
            errors.add(field, "users.password.length", minLength, Settings.MAX_PASSWORD_LENGTH);
        } else if (password.isBlank() || password.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(field, "users.password.characters");
        } else if (CommonPasswords.contains(password)) {
            errors.add(field, "users.password.common", CommonPasswords.COUNT);
        }
    }

    /** Accepts an empty address, which means "no e-mail"; anything else must be a plain ASCII address. */
    static void checkEmail(String email, FieldErrors errors) {
        if (email.isEmpty()) {
            return;
        }
        if (email.length() > MAX_EMAIL_LENGTH) {
            errors.add("email", "users.email.length", MAX_EMAIL_LENGTH);
        } else if (!isValidEmail(email)) {
            errors.add("email", "users.email.invalid");
        }
    }

    static boolean isValidEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL_PART_LENGTH) {
            return false;
        }
        return LOCAL_PART.matcher(email.substring(0, at)).matches() && DOMAIN.matcher(email.substring(at + 1)).matches();
    }
}
