package org.nodepoint.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kind of billing terms: a fixed rate per ticket, or a rate per hour spent. */
public enum BillingType {
    FIXED("fixed", "Fixed"),
    HOURLY("hourly", "Hourly");

    private final String key;
    private final String apiName;

    BillingType(String key, String apiName) {
        this.key = key;
        this.apiName = apiName;
    }

    /** Returns the value stored in client_billing.type and sent by the form. */
    public String key() {
        return key;
    }

    /** Returns the name that the legacy API's show_billing sends, as NodePoint 1.x did. */
    public String apiName() {
        return apiName;
    }

    public static Optional<BillingType> parse(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    public static List<BillingType> all() {
        return List.of(values());
    }
}
