package org.nodepoint.users;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.background.BackgroundExecutors;
import org.nodepoint.background.DaemonThreads;
import org.nodepoint.background.UnfinishedCount;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lost passwords: a mailed single-use code, valid for one hour, with which the owner of a confirmed
 * address chooses a new password. Available only while mail is configured and no Active Directory
 * owns the passwords.
 *
 * <p>Only local accounts that are enabled and have a confirmed address get a mail; the
 * administrator (whose password lives in nodepoint.cfg), the built-in actors and the demo account
 * never do. Each account gets at most {@link #MAX_MAILS_PER_HOUR} reset mails within an hour. The
 * caller limits requests per client address.
 */
public final class PasswordResets implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    static final Duration VALIDITY = Duration.ofHours(1);
    static final int MAX_MAILS_PER_HOUR = 3;
    /** Accounts mailed for one address at most; addresses are not unique. */
    private static final int MAX_ACCOUNTS_PER_ADDRESS = 10;
    /** Requests waiting for the look-up thread; more are dropped with a warning. */
    private static final int MAX_WAITING_REQUESTS = 1000;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final Passwords passwords;
    private final SettingsStore settings;
    private final AccountMails mails;
    private final Clock clock;
    private final AccountTokens tokens = new AccountTokens();
    private final ThreadPoolExecutor lookups;
    private final UnfinishedCount unfinished = new UnfinishedCount();

    public PasswordResets(Database database, Passwords passwords, SettingsStore settings, AccountMails mails, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.passwords = passwords;
        this.settings = settings;
        this.mails = mails;
        this.clock = clock;
        this.lookups = BackgroundExecutors.boundedPool(1, MAX_WAITING_REQUESTS, DaemonThreads.named("nodepoint-lost-password"));
    }

    /** True while mail is configured and neither a directory nor the authentication command checks passwords. */
    public boolean isAvailable() {
        return mails.canSend() && !settings.current().externalSignIn();
    }

    /**
     * Queues a reset mail for each account that the user name or e-mail address names, and returns
     * at once. The look-up and the mail happen on a background thread, so that neither the
     * response nor its timing reveals whether an account matched.
     */
    public void request(String nameOrEmail) {
        String input = nameOrEmail == null ? "" : nameOrEmail.strip();
        if (input.isEmpty() || !isAvailable()) {
            return;
        }
        unfinished.increment();
        try {
            lookups.execute(() -> {
                try {
                    mailCodes(input);
                } catch (RuntimeException failure) {
                    log.warn("A lost password request failed", failure);
                } finally {
                    unfinished.decrement();
                }
            });
        } catch (RejectedExecutionException full) {
            unfinished.decrement();
            log.warn("Dropped a lost password request, because {} requests are waiting or the server is stopping", MAX_WAITING_REQUESTS);
        }
    }

    private void mailCodes(String input) {
        List<User> accounts = read.withExtension(UserDao.class, dao -> input.contains("@")
                ? dao.listLocalByEmail(input, MAX_ACCOUNTS_PER_ADDRESS)
                : dao.findByName(input).stream().toList());
        if (accounts.isEmpty()) {
            log.info("A lost password request named no account");
        }
        accounts.forEach(this::mailCode);
    }

    private void mailCode(User user) {
        String reason = user.emailConfirmed() && !user.email().isEmpty() ? ineligibility(user) : "their address is not confirmed";
        if (reason != null) {
            log.info("No password reset mail for user {}: {}", user.id(), reason);
            return;
        }
        long now = clock.millis();
        Optional<String> code = writer.inTransaction(handle ->
                tokens.issue(handle, user.id(), AccountToken.RESET_PASSWORD, "", now, VALIDITY, MAX_MAILS_PER_HOUR));
        if (code.isEmpty()) {
            log.info("No password reset mail for user {}: {} were sent within the last hour", user.id(), MAX_MAILS_PER_HOUR);
            return;
        }
        mails.sendResetLink(user, code.get(), VALIDITY);
        log.info("Queued a password reset mail for user {}", user.id());
    }

    /** Returns why the account may not reset its password by mail, or null when it may. */
    private static String ineligibility(User user) {
        if (!user.isLocal()) {
            return "the administrator and built-in accounts have no local password";
        }
        if (user.disabled()) {
            return "the account is disabled";
        }
        if (user.isDemo()) {
            return "the demo account cannot change its password";
        }
        return null;
    }

    /** Returns the message key of the reason the code cannot reset a password now, or empty when it can. Changes nothing. */
    public Optional<String> problem(String code) {
        long now = clock.millis();
        return read.withHandle(handle -> problemWith(handle, code, now));
    }

    /**
     * Sets a new password with a mailed code. Clears a pending forced change, ends every session
     * of the account, uses the code and revokes the account's other reset codes, all in one
     * transaction. Throws ValidationException naming the fields {@code token}, {@code password}
     * and {@code password2}.
     */
    public User reset(String code, String password, String passwordAgain) {
        FieldErrors errors = new FieldErrors();
        problem(code).ifPresent(key -> errors.add("token", key));
        AccountRules.checkPassword(password, settings.current().minPasswordLength(), "password", errors);
        if (password != null && !password.equals(passwordAgain)) {
            errors.add("password2", "users.password.mismatch");
        }
        errors.throwIfAny();

        String hash = passwords.hash(password);
        long now = clock.millis();
        long userId = writer.inTransaction(handle -> {
            Optional<String> problem = problemWith(handle, code, now);
            if (problem.isPresent()) {
                throw ValidationException.of("token", problem.get());
            }
            AccountToken token = AccountTokens.find(handle, code, AccountToken.RESET_PASSWORD).orElseThrow();
            AccountTokenDao tokenDao = handle.attach(AccountTokenDao.class);
            tokenDao.markUsed(token.id(), now);
            CredentialChanges.replacePassword(handle, token.userId(), hash, false, now);
            return token.userId();
        });
        log.info("User {} chose a new password with a mailed reset code; their sessions ended", userId);
        return read.withExtension(UserDao.class, dao -> dao.findById(userId)).orElseThrow();
    }

    /** Reports the code of an account that may no longer reset by mail, such as one disabled since the mail, as unknown. */
    private static Optional<String> problemWith(Handle handle, String code, long now) {
        Optional<AccountToken> token = AccountTokens.find(handle, code, AccountToken.RESET_PASSWORD)
                .filter(found -> handle.attach(UserDao.class).findById(found.userId()).map(user -> ineligibility(user) == null).orElse(false));
        return AccountTokens.problemOf(code, token, now).map(problem -> "auth.reset." + problem.key());
    }

    /** Waits until every queued request has been looked up and its mail queued; for tests. */
    public void awaitIdle(Duration timeout) {
        unfinished.awaitZero(timeout, "lost password requests were still waiting");
    }

    /** Finishes the requests already queued, so that their mails reach the outbox before it closes. */
    @Override
    public void close() {
        BackgroundExecutors.shutDown(lookups, SHUTDOWN_WAIT);
    }
}
