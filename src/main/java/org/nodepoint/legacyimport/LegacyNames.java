package org.nodepoint.legacyimport;

import java.util.function.Predicate;
import org.nodepoint.uploads.FileNames;
import org.nodepoint.users.UserService;

/**
 * Brings user and file names from 1.x under the rules that the web interface applies, because a
 * 1.x database can contain names that break them.
 */
final class LegacyNames {
    /** The length limits of user names, the same as for registration. */
    private static final int MIN_USER_NAME = 3;
    private static final int MAX_USER_NAME = 20;
    private static final String USER_NAME_RULE = "3 to 20 letters, digits, '.' or '-'";

    private LegacyNames() {
    }

    /**
     * Returns the user name to store for a decoded 1.x name: the name itself when registration
     * would accept it. Otherwise it removes every other character, adds the prefix "user" to a
     * name shorter than 3 characters, cuts it to 20, and adds a number such as {@code -2} while
     * {@code isInUse} returns true for the result.
     * The report gets one repair line per renamed user, so that the administrator can tell them.
     * The caller checks the administrator's name before, so it is not compared here.
     */
    static String userName(String decoded, Predicate<String> isInUse, TableReport report) {
        if (UserService.isValidName(decoded, "")) {
            return decoded;
        }
        String base = decoded.replaceAll("[^A-Za-z0-9.-]", "");
        if (base.length() < MIN_USER_NAME) {
            base = "user" + base;
        }
        base = cut(base, MAX_USER_NAME);
        String name = base;
        for (int number = 2; isInUse.test(name) || !UserService.isValidName(name, ""); number++) {
            String suffix = "-" + number;
            name = cut(base, MAX_USER_NAME - suffix.length()) + suffix;
        }
        report.repair("user name is invalid (allowed: " + USER_NAME_RULE + "); renamed to " + name);
        return name;
    }

    /**
     * Returns the file name to store for a decoded 1.x name: its last path segment, cleaned as a
     * web upload's name is, or {@code fallback} when nothing is left. A browser sends only the
     * last segment, so a 1.x name such as {@code ../../x.txt} or {@code /etc/x} came from a
     * crafted request.
     */
    static String fileName(String decoded, String fallback) {
        String segment = decoded.substring(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1).strip();
        return segment.isEmpty() ? fallback : FileNames.clean(segment);
    }

    /** Returns the reason for the report when {@link #fileName} changed a name, or null when it kept it. */
    static String fileNameRepair(String decoded, String stored) {
        return decoded.isBlank() || decoded.strip().equals(stored) ? null : "file name had a path, control characters or too many characters; kept the cleaned last segment";
    }

    private static String cut(String name, int length) {
        return name.length() <= length ? name : name.substring(0, length);
    }
}
