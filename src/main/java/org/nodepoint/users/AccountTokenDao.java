package org.nodepoint.users;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AccountToken.class)
interface AccountTokenDao {
    String COLUMNS = "id, user_id, purpose, email, created_at, expires_at, used_at, revoked_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM account_tokens WHERE token_hash = :hash AND purpose = :purpose")
    Optional<AccountToken> findByHash(@Bind("hash") String hash, @Bind("purpose") String purpose);

    @SqlUpdate("INSERT INTO account_tokens (user_id, purpose, email, token_hash, created_at, expires_at) "
            + "VALUES (:userId, :purpose, :email, :hash, :createdAt, :expiresAt)")
    void insert(@Bind("userId") long userId, @Bind("purpose") String purpose, @Bind("email") String email, @Bind("hash") String hash,
            @Bind("createdAt") long createdAt, @Bind("expiresAt") long expiresAt);

    /** Returns 1 when the code was still open and is now used, 0 when it was used or revoked before. */
    @SqlUpdate("UPDATE account_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
    int markUsed(@Bind("id") long id, @Bind("now") long now);

    /** Revokes the user's open codes of one purpose. */
    @SqlUpdate("UPDATE account_tokens SET revoked_at = :now "
            + "WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL AND revoked_at IS NULL")
    int revoke(@Bind("userId") long userId, @Bind("purpose") String purpose, @Bind("now") long now);

    @SqlQuery("SELECT count(*) FROM account_tokens WHERE user_id = :userId AND purpose = :purpose AND created_at > :since")
    int countCreatedSince(@Bind("userId") long userId, @Bind("purpose") String purpose, @Bind("since") long since);

    /** Counts the codes of one purpose created for an address, without regard to case, over all accounts (index account_tokens_email). */
    @SqlQuery("SELECT count(*) FROM account_tokens WHERE purpose = :purpose AND email = :email COLLATE NOCASE AND created_at > :since")
    int countCreatedForAddressSince(@Bind("purpose") String purpose, @Bind("email") String email, @Bind("since") long since);

    @SqlUpdate("DELETE FROM account_tokens WHERE expires_at < :cutoff")
    int deleteExpiredBefore(@Bind("cutoff") long cutoff);
}
