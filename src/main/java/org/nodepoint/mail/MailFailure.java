package org.nodepoint.mail;

/** A mail that the SMTP server did not take, with the server's or the network's reason. */
public final class MailFailure extends Exception {
    public MailFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
