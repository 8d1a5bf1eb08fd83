package org.nodepoint.config;

import java.util.Arrays;
import java.util.Optional;

/** The encryption of the connection to the SMTP server, stored in smtp_tls. */
public enum SmtpSecurity {
    /** Plain SMTP, as NodePoint 1.x sent mail. */
    NONE("none"),
    /** Plain connection upgraded with STARTTLS, which must succeed. */
    STARTTLS("starttls"),
    /** TLS from the first byte (SMTPS, usually port 465). */
    SMTPS("smtps");

    private final String storedValue;

    SmtpSecurity(String storedValue) {
        this.storedValue = storedValue;
    }

    public String storedValue() {
        return storedValue;
    }

    public static Optional<SmtpSecurity> parse(String text) {
        return Arrays.stream(values()).filter(mode -> mode.storedValue.equalsIgnoreCase(text.strip())).findFirst();
    }
}
