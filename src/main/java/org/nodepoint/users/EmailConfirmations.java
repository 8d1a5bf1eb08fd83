package org.nodepoint.users;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirmation of e-mail addresses. A new or changed address is unconfirmed and gets a mail with a
 * single-use code. Only the signed-in owner of the account can use the code, and only while the
 * account still has the address that the code was sent to. Other mail goes only to confirmed
 * addresses.
 */
public final class EmailConfirmations {
    private static final Logger log = LoggerFactory.getLogger(EmailConfirmations.class);
    static final Duration VALIDITY = Duration.ofDays(7);
    /** Confirmation mails per account within an hour, so that repeated address changes cannot flood a mailbox. */
    static final int MAX_MAILS_PER_HOUR = 3;
    /**
     * Confirmation mails per address within an hour, over all accounts, so that registering many
     * accounts with someone else's address cannot flood that mailbox either.
     */
    static final int MAX_MAILS_PER_ADDRESS_PER_HOUR = 3;

    /**
     * The result of starting a confirmation: mail queued, mail off, the account's or the address's
     * hourly limit reached, or no mail needed.
     */
    public enum Outcome { SENT, MAIL_OFF, LIMITED, ADDRESS_LIMITED, NOT_NEEDED }

    /** The outcome of the write transaction of {@link #start}, with the new code when it is SENT. */
    private record Issued(Outcome outcome, String code) {
    }

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final AccountTokens tokens = new AccountTokens();
    private final AccountMails mails;
    private final Clock clock;

    public EmailConfirmations(Database database, AccountMails mails, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Starts the confirmation of the user's current address, after it was stored. Revokes the
     * user's open codes, because they belong to an earlier address: confirmation codes and
     * password reset links mailed there. Then stores and mails a new code, unless the address is
     * empty or confirmed, mail is off, or the account's or the address's hourly limit is reached.
     */
    Outcome start(User user) {
        boolean needed = !user.email().isEmpty() && !user.emailConfirmed();
        boolean mailOn = mails.canSend();
        long now = clock.millis();
        Issued issued = writer.inTransaction(handle -> {
            AccountTokenDao dao = handle.attach(AccountTokenDao.class);
            dao.revoke(user.id(), AccountToken.CONFIRM_EMAIL, now);
            dao.revoke(user.id(), AccountToken.RESET_PASSWORD, now);
            if (!needed) {
                return new Issued(Outcome.NOT_NEEDED, null);
            }
            if (!mailOn) {
                return new Issued(Outcome.MAIL_OFF, null);
            }
            long windowStart = now - AccountTokens.MAIL_LIMIT_WINDOW.toMillis();
            if (dao.countCreatedForAddressSince(AccountToken.CONFIRM_EMAIL, user.email(), windowStart) >= MAX_MAILS_PER_ADDRESS_PER_HOUR) {
                return new Issued(Outcome.ADDRESS_LIMITED, null);
            }
            return tokens.issue(handle, user.id(), AccountToken.CONFIRM_EMAIL, user.email(), now, VALIDITY, MAX_MAILS_PER_HOUR)
                    .map(code -> new Issued(Outcome.SENT, code))
                    .orElse(new Issued(Outcome.LIMITED, null));
        });
        switch (issued.outcome()) {
            case SENT -> {
                mails.sendConfirmation(user, user.email(), issued.code(), VALIDITY);
                log.info("Queued an address confirmation mail for user {}", user.id());
            }
            case LIMITED -> log.info("No confirmation mail for user {}: {} were sent within the last hour", user.id(), MAX_MAILS_PER_HOUR);
            case ADDRESS_LIMITED -> log.warn("No confirmation mail for user {}: {} were sent to their address within the last hour",
                    user.id(), MAX_MAILS_PER_ADDRESS_PER_HOUR);
            default -> { }
        }
        return issued.outcome();
    }

    /** True when mail is configured, so that a new address gets a confirmation mail. */
    public boolean canSend() {
        return mails.canSend();
    }

    /** Returns the message key of the reason the code cannot confirm the viewer's address now, or empty when it can. */
    public Optional<String> problem(Viewer viewer, String code) {
        long now = clock.millis();
        return read.withHandle(handle -> problemWith(handle, viewer, code, now));
    }

    /**
     * Confirms the viewer's current address with the code and returns the address. Throws
     * ValidationException on the field {@code token} when the code is missing, unknown, someone
     * else's, used, replaced or expired. Checked and used in one write transaction, so a code
     * works once even when two requests send it together.
     */
    public String confirm(Viewer viewer, String code) {
        long now = clock.millis();
        String email = writer.inTransaction(handle -> {
            Optional<String> problem = problemWith(handle, viewer, code, now);
            if (problem.isPresent()) {
                throw ValidationException.of("token", problem.get());
            }
            AccountToken token = AccountTokens.find(handle, code, AccountToken.CONFIRM_EMAIL).orElseThrow();
            handle.attach(AccountTokenDao.class).markUsed(token.id(), now);
            handle.attach(UserDao.class).confirmEmail(viewer.userId(), token.email());
            return token.email();
        });
        log.info("User {} confirmed their e-mail address", viewer.userId());
        return email;
    }

    /** Reports someone else's code as unknown, so that the response does not reveal whether a code exists. */
    private static Optional<String> problemWith(Handle handle, Viewer viewer, String code, long now) {
        Optional<User> user = viewer.isSignedIn() ? handle.attach(UserDao.class).findById(viewer.userId()) : Optional.empty();
        Optional<AccountToken> token = AccountTokens.find(handle, code, AccountToken.CONFIRM_EMAIL)
                .filter(found -> user.isPresent() && found.userId() == user.get().id());
        Optional<AccountTokens.Problem> problem = AccountTokens.problemOf(code, token, now);
        if (problem.isEmpty() && !token.get().email().equals(user.get().email())) {
            problem = Optional.of(AccountTokens.Problem.REPLACED);
        }
        return problem.map(found -> "account.confirm." + found.key());
    }
}
