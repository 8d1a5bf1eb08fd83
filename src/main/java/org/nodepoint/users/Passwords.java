package org.nodepoint.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Password hashing with Argon2id (Password4j). The parameters travel inside each hash, so hashes
 * made with other parameters, or by NodePoint 1.x as unsalted SHA-1, still verify. Callers rehash
 * those at the next successful sign-in.
 */
public final class Passwords {
    /** 19 MiB, 2 passes, 1 lane: the minimum that OWASP's password storage cheat sheet advises for Argon2id. */
    public static final Argon2Function PRODUCTION = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    private final Argon2Function function;

    public Passwords(Argon2Function function) {
        this.function = function;
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    public boolean verify(String password, String storedHash) {
        if (password == null || storedHash == null || storedHash.isBlank()) {
            return false;
        }
        if (isLegacySha1(storedHash)) {
            return MessageDigest.isEqual(sha1Hex(password).getBytes(StandardCharsets.US_ASCII),
                    storedHash.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        }
        if (!storedHash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** True when the hash should be replaced by one made with the current parameters. */
    public boolean needsRehash(String storedHash) {
        return isLegacySha1(storedHash) || !storedHash.contains(parameterTag());
    }

    private String parameterTag() {
        return "m=" + function.getMemory() + ",t=" + function.getIterations() + ",p=" + function.getParallelism();
    }

    private static boolean isLegacySha1(String storedHash) {
        return storedHash.length() == 40 && storedHash.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", missing);
        }
    }
}
