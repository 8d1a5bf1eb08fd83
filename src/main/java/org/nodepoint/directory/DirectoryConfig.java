package org.nodepoint.directory;

import org.nodepoint.config.DirectorySecurity;
import org.nodepoint.config.Settings;

/**
 * The directory settings that one sign-in or connection test uses, read once from the settings
 * in force. With a domain, a sign-in binds as {@code DOMAIN\name} (Active Directory, as NodePoint
 * 1.x did). Without one, it searches {@code baseDn} with {@code userFilter} and binds with the DN
 * found. Its toString leaves the bind password out.
 */
record DirectoryConfig(
        String host,
        int port,
        DirectorySecurity security,
        String caCertificate,
        int timeoutSeconds,
        String domain,
        String baseDn,
        String bindDn,
        String bindPassword,
        String userFilter) {

    static DirectoryConfig from(Settings settings) {
        return new DirectoryConfig(settings.adServer(), settings.adPort(), settings.adSecurity(), settings.adCaCertificate(),
                settings.adTimeoutSeconds(), settings.adDomain(), settings.ldapBaseDn(), settings.ldapBindDn(),
                settings.ldapBindPassword(), settings.ldapUserFilter());
    }

    /** True for the Active Directory way: bind with the down-level logon name, without a search first. */
    boolean bindsWithDomain() {
        return !domain.isEmpty();
    }

    /** Returns host:port and the security, such as "dc1.corp.example:636 (ldaps)", for messages. */
    String address() {
        return host + ":" + port + " (" + security.storedValue() + ")";
    }

    @Override
    public String toString() {
        return "DirectoryConfig[" + address() + ", domain=" + domain + ", baseDn=" + baseDn + ", bindDn=" + bindDn
                + ", userFilter=" + userFilter + "]";
    }
}
