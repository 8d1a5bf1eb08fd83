package org.nodepoint.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/** Checks directory settings as the settings page saves them. */
public final class DirectoryValues {
    private DirectoryValues() {
    }

    /** True for "" or a DN in RFC 4514 syntax, such as ou=people,dc=example,dc=org. */
    public static boolean isDnOrEmpty(String value) {
        return value.isEmpty() || DN.isValidDN(value);
    }

    /** True for "" or an LDAP filter that contains {user} and parses with a name in its place. */
    public static boolean isUserFilterOrEmpty(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (!value.contains(DirectoryLogin.USER_PLACEHOLDER)) {
            return false;
        }
        try {
            Filter.create(value.replace(DirectoryLogin.USER_PLACEHOLDER, "name"));
            return true;
        } catch (LDAPException invalid) {
            return false;
        }
    }

    /** True when the authentication command template would put the password on a command line. */
    public static boolean authCommandHasPassword(String template) {
        return template != null && template.contains(PluginLogin.PASSWORD_PLACEHOLDER);
    }
}
