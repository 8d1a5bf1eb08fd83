package org.nodepoint.users;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * The 1,000 most common passwords, compared without regard to case. They are the highest-ranked
 * entries of the ranked password dictionary that ships with nbvcxz (100,000 leaked passwords, most
 * common first), read once per process on first use.
 */
final class CommonPasswords {
    static final int COUNT = 1_000;

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
                    .filter(entry -> entry.getValue() <= COUNT)
                    .map(entry -> entry.getKey().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
