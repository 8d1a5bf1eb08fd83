package org.nodepoint.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The one-time code that first-run setup requires. {@code serve} prints it in its log, so only
 * someone who can read the server's log can configure a fresh installation, even behind a reverse
 * proxy where every request looks local.
 */
public final class SetupCode {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final String code;

    public SetupCode(String code) {
        this.code = code;
    }

    public static SetupCode random() {
        SecureRandom random = new SecureRandom();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new SetupCode(code.toString());
    }

    public String value() {
        return code;
    }

    public boolean matches(String submitted) {
        String normalized = submitted == null ? "" : submitted.strip().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return MessageDigest.isEqual(normalized.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8));
    }
}
