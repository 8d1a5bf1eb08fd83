package org.nodepoint.users;

import org.jdbi.v3.core.Handle;

/**
 * Writes that end what an account's earlier credentials opened: its sessions and its unused
 * password reset codes. Each runs in the caller's write transaction, together with the change that
 * requires it, so that no request can use an old session or an old code after the commit.
 */
final class CredentialChanges {
    private CredentialChanges() {
    }

    /** Stores a new password hash, ends every session and revokes the open reset codes of the account. */
    static void replacePassword(Handle handle, long userId, String passwordHash, boolean mustChangePassword, long now) {
        handle.attach(UserDao.class).setPassword(userId, passwordHash, mustChangePassword);
        endAccess(handle, userId, now);
    }

    /** Ends every session and revokes the open reset codes of the account, as a new password or disabling requires. */
    static void endAccess(Handle handle, long userId, long now) {
        handle.attach(UserDao.class).endSessions(userId);
        handle.attach(AccountTokenDao.class).revoke(userId, AccountToken.RESET_PASSWORD, now);
    }
}
