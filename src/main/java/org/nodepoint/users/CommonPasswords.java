package org.nodepoint.users;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.nodepoint.config.Settings;

/**
 * The 1,000 most common passwords that the length rule could let through, compared without regard
 * to case. They are the highest-ranked entries of at least {@link #MIN_LENGTH} characters of the
 * ranked password dictionary that ships with nbvcxz (100,000 leaked passwords, most common first),
 * read once per process on first use. Shorter entries are skipped because no minimum length
 * accepts them: of the plain top 1,000, only about 200 have 8 characters or more.
 */
final class CommonPasswords {
    static final int COUNT = 1_000;
    /** The shortest password any min_password_length setting allows. */
    static final int MIN_LENGTH = Settings.LOWEST_MIN_PASSWORD_LENGTH;

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        return password != null && Top.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Loaded on first use, so commands that never check a password do not read the dictionary. */
    private static final class Top {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            Map<String, Integer> ranks = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
            if (ranks.size() < COUNT) {
                throw new IllegalStateException("The nbvcxz password dictionary has only " + ranks.size() + " entries");
            }
            return ranks.entrySet().stream()
                    .filter(entry -> entry.getKey().length() >= MIN_LENGTH)
                    .sorted(Map.Entry.comparingByValue())
                    .limit(COUNT)
                    .map(entry -> entry.getKey().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
