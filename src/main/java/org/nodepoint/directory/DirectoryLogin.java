package org.nodepoint.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against the directory with LDAP simple binds. The user name
 * goes into a search filter only through {@link Filter#encodeValue}, so {@code *}, parentheses,
 * backslashes and NUL match themselves. An empty password is rejected before anything is sent,
 * because an LDAP bind with a name and no password is an unauthenticated bind, which succeeds.
 */
final class DirectoryLogin {
    private static final Logger log = LoggerFactory.getLogger(DirectoryLogin.class);
    static final String USER_PLACEHOLDER = "{user}";
    private static final String MAIL = "mail";
    /** The Active Directory attribute that contains the down-level logon name. */
    private static final String AD_LOGON_NAME = "sAMAccountName";

    private DirectoryLogin() {
    }

    static CheckOutcome check(DirectoryConfig config, String name, String password) {
        if (password == null || password.isEmpty()) {
            return CheckOutcome.rejected("empty password, not sent to the directory");
        }
        try (LDAPConnection connection = DirectoryConnector.open(config)) {
            return config.bindsWithDomain() ? bindWithDomain(connection, config, name, password)
                    : searchThenBind(connection, config, name, password);
        } catch (LDAPException failure) {
            String message = DirectoryErrors.describe(config, failure);
            return DirectoryErrors.isUnavailable(failure) ? CheckOutcome.unavailable(message) : CheckOutcome.failed(message);
        }
    }

    /** Binds as DOMAIN\name as NodePoint 1.x did, then reads the mail attribute of the user's entry, if the directory shows it. */
    private static CheckOutcome bindWithDomain(LDAPConnection connection, DirectoryConfig config, String name, String password)
            throws LDAPException {
        if (!bind(connection, config.domain() + "\\" + name, password)) {
            return CheckOutcome.rejected("the directory rejected the name or password");
        }
        return CheckOutcome.accepted(ownMail(connection, config, name));
    }

    private static CheckOutcome searchThenBind(LDAPConnection connection, DirectoryConfig config, String name, String password)
            throws LDAPException {
        if (!config.bindDn().isEmpty() && !bind(connection, config.bindDn(), config.bindPassword())) {
            return CheckOutcome.unavailable("The directory at " + config.address() + " rejected the bind DN " + config.bindDn()
                    + " or its password, so no user can be looked up.");
        }
        Filter filter = Filter.create(config.userFilter().replace(USER_PLACEHOLDER, Filter.encodeValue(name)));
        SearchRequest request = new SearchRequest(config.baseDn(), SearchScope.SUB, filter, MAIL);
        request.setSizeLimit(2);
        SearchResult result;
        try {
            result = connection.search(request);
        } catch (LDAPSearchException tooMany) {
            if (tooMany.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return CheckOutcome.failed("More than one directory entry matches the user filter " + filter + ", so none is used.");
            }
            throw tooMany;
        }
        if (result.getEntryCount() == 0) {
            return CheckOutcome.rejected("no directory entry matches the user filter");
        }
        if (result.getEntryCount() > 1) {
            return CheckOutcome.failed("More than one directory entry matches the user filter " + filter + ", so none is used.");
        }
        SearchResultEntry entry = result.getSearchEntries().get(0);
        if (!bind(connection, entry.getDN(), password)) {
            return CheckOutcome.rejected("the directory rejected the password of " + entry.getDN());
        }
        return CheckOutcome.accepted(mailOf(entry));
    }

    /** Returns true for a successful bind and false for wrong credentials; other errors are thrown. */
    private static boolean bind(LDAPConnection connection, String bindName, String password) throws LDAPException {
        try {
            BindResult result = connection.bind(new SimpleBindRequest(bindName, password));
            return result.getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException failure) {
            if (failure.getResultCode() == ResultCode.INVALID_CREDENTIALS || failure.getResultCode() == ResultCode.INVALID_DN_SYNTAX) {
                return false;
            }
            throw failure;
        }
    }

    /**
     * Returns the mail attribute of the signed-in user's own entry, found by sAMAccountName under
     * the base DN, or under the directory's default naming context when no base DN is set. Returns
     * "" when there is none or the lookup fails, because the sign-in itself succeeded.
     */
    private static String ownMail(LDAPConnection connection, DirectoryConfig config, String name) {
        try {
            String base = config.baseDn().isEmpty() ? defaultNamingContext(connection) : config.baseDn();
            if (base.isEmpty()) {
                return "";
            }
            SearchRequest request = new SearchRequest(base, SearchScope.SUB, Filter.createEqualityFilter(AD_LOGON_NAME, name), MAIL);
            request.setSizeLimit(2);
            SearchResult result = connection.search(request);
            return result.getEntryCount() == 1 ? mailOf(result.getSearchEntries().get(0)) : "";
        } catch (LDAPException failure) {
            log.info("Could not read the mail attribute of a directory user: {}", DirectoryErrors.describe(config, failure));
            return "";
        }
    }

    private static String defaultNamingContext(LDAPConnection connection) throws LDAPException {
        RootDSE root = connection.getRootDSE();
        if (root == null) {
            return "";
        }
        String defaultContext = root.getAttributeValue("defaultNamingContext");
        if (defaultContext != null) {
            return defaultContext;
        }
        String[] contexts = root.getNamingContextDNs();
        return contexts == null || contexts.length == 0 ? "" : contexts[0];
    }

    private static String mailOf(SearchResultEntry entry) {
        Attribute mail = entry.getAttribute(MAIL);
        return mail == null || mail.getValue() == null ? "" : mail.getValue().strip();
    }
}
