package org.nodepoint.directory;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.nodepoint.config.DirectorySecurity;

/**
 * Opens a connection to the directory with the configured security and time limits. With LDAPS
 * or StartTLS, the server's certificate must chain to the configured CA (or to a CA that the Java
 * runtime trusts when none is configured) and must name the configured host.
 */
final class DirectoryConnector {
    private DirectoryConnector() {
    }

    /** Connects, and for StartTLS upgrades the connection before returning it. The caller closes it. */
    static LDAPConnection open(DirectoryConfig config) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int timeoutMillis = config.timeoutSeconds() * 1000;
        options.setConnectTimeoutMillis(timeoutMillis);
        options.setResponseTimeoutMillis(timeoutMillis);
        options.setAbandonOnTimeout(true);
        if (config.security() == DirectorySecurity.NONE) {
            return new LDAPConnection(options, config.host(), config.port());
        }
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLContext tls = tlsContext(config);
        if (config.security() == DirectorySecurity.LDAPS) {
            return new LDAPConnection(tls.getSocketFactory(), options, config.host(), config.port());
        }
        LDAPConnection connection = new LDAPConnection(options, config.host(), config.port());
        try {
            ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
            if (started.getResultCode() != ResultCode.SUCCESS) {
                throw new LDAPException(started.getResultCode(), "StartTLS failed: " + started.getDiagnosticMessage());
            }
            return connection;
        } catch (LDAPException failure) {
            connection.close();
            throw failure;
        }
    }

    private static SSLContext tlsContext(DirectoryConfig config) throws LDAPException {
        try {
            return TrustedCertificates.context(TrustedCertificates.read(config.caCertificate()));
        } catch (TrustedCertificates.InvalidCertificate invalid) {
            throw new LDAPException(ResultCode.PARAM_ERROR, "The CA certificate setting is invalid. " + invalid.getMessage());
        } catch (GeneralSecurityException failure) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS could not be set up: " + failure.getMessage());
        }
    }
}
