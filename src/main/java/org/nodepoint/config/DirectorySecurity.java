package org.nodepoint.config;

import java.util.Arrays;
import java.util.Optional;

/** The encryption of the connection to the sign-in directory, stored in ad_tls. */
public enum DirectorySecurity {
    /** Plain LDAP, as NodePoint 1.x connected: passwords cross the network in clear text. */
    NONE("none", 389),
    /** Plain LDAP upgraded with the StartTLS extended operation, which must succeed before any bind. */
    STARTTLS("starttls", 389),
    /** TLS from the first byte (LDAPS). */
    LDAPS("ldaps", 636);

    private final String storedValue;
    private final int defaultPort;

    DirectorySecurity(String storedValue, int defaultPort) {
        this.storedValue = storedValue;
        this.defaultPort = defaultPort;
    }

    public String storedValue() {
        return storedValue;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Optional<DirectorySecurity> parse(String text) {
        return Arrays.stream(values()).filter(mode -> mode.storedValue.equalsIgnoreCase(text.strip())).findFirst();
    }
}
