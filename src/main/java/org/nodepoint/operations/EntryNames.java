package org.nodepoint.operations;

import java.util.regex.Pattern;

/** The rule for entry names in a backup archive, which a restore turns into paths inside the new data folder. */
final class EntryNames {
    /** Letters, digits, '.', '-' and '_' in segments separated by '/'. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private EntryNames() {
    }

    /**
     * Returns why a restore must not write the entry, or null when it may. Absolute paths,
     * backslashes, drive letters and "." or ".." segments are rejected, so that every entry lands
     * inside the data folder.
     */
    static String problem(String name) {
        if (!SAFE.matcher(name).matches()) {
            return "is not a relative path of letters, digits, '.', '-' and '_'";
        }
        for (String segment : name.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return "contains a '" + segment + "' segment that would leave the data folder";
            }
        }
        return null;
    }
}
