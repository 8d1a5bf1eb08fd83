package org.nodepoint.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

/** Puts directory errors into plain words for the system log and the connection test, without stack traces. */
final class DirectoryErrors {
    private DirectoryErrors() {
    }

    /** True when the error shows that the directory could not be reached or did not respond, rather than rejecting a request. */
    static boolean isUnavailable(LDAPException failure) {
        ResultCode code = failure.getResultCode();
        return code == ResultCode.TIMEOUT || code == ResultCode.PARAM_ERROR || code == ResultCode.LOCAL_ERROR
                || code == ResultCode.UNAVAILABLE || code == ResultCode.BUSY || !ResultCode.isConnectionUsable(code);
    }

    /** Describes the error with the directory's address, such as "Could not connect to dc1:636 (ldaps): ...". */
    static String describe(DirectoryConfig config, LDAPException failure) {
        ResultCode code = failure.getResultCode();
        String detail = detail(failure);
        if (code == ResultCode.TIMEOUT) {
            return "The directory at " + config.address() + " did not answer within " + config.timeoutSeconds() + " seconds.";
        }
        if (code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN) {
            return "Could not connect to the directory at " + config.address() + ": " + rootCause(failure);
        }
        if (code == ResultCode.PARAM_ERROR || code == ResultCode.LOCAL_ERROR) {
            return detail;
        }
        return "The directory at " + config.address() + " returned " + code.getName() + " (" + code.intValue() + "): " + detail;
    }

    /**
     * Returns the message of the innermost cause, such as "Connection refused" or the TLS
     * certificate error, because the SDK wraps it in several layers of exception text.
     */
    private static String rootCause(LDAPException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause == failure || message == null || message.isBlank() ? detail(failure) : message.strip();
    }

    private static String detail(LDAPException failure) {
        String diagnostic = failure.getDiagnosticMessage();
        if (diagnostic != null && !diagnostic.isBlank()) {
            return diagnostic.strip();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "no further detail" : message.strip();
    }
}
