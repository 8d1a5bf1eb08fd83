package org.nodepoint.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nodepoint.background.BackgroundExecutors;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through the configured SMTP server on a background thread, so that no page waits for
 * it. A failed mail is tried again after each delay of the retry schedule, and the last failure
 * goes to the system log. Each attempt reads the current settings, so a corrected SMTP setting also
 * reaches mails already waiting. At shutdown, the mails that were not sent go to the system log in
 * one entry.
 */
public final class MailOutbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    public static final List<Duration> PRODUCTION_RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
    private static final int SMTP_TIMEOUT_MILLIS = 10_000;
    /** How long closing waits for the mail thread once its conversations were ended. */
    private static final Duration CONVERSATION_END_WAIT = Duration.ofSeconds(5);

    /**
     * The outbox's times: the delays between attempts, the longest one SMTP conversation may take
     * however often the server replies within the read timeout, and how long closing waits for the
     * mails already queued. Tests shorten them.
     */
    public record Timing(List<Duration> retries, Duration conversationDeadline, Duration shutdownWait) {
        public static final Timing PRODUCTION = new Timing(PRODUCTION_RETRIES, Duration.ofSeconds(30), Duration.ofSeconds(20));

        public Timing {
            retries = List.copyOf(retries);
        }

        public Timing withRetries(List<Duration> otherRetries) {
            return new Timing(otherRetries, conversationDeadline, shutdownWait);
        }
    }

    private final SettingsStore settings;
    private final SystemLog systemLog;
    private final List<Duration> retries;
    private final Duration conversationDeadline;
    private final Duration shutdownWait;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicInteger unfinished = new AtomicInteger();
    private final PendingMails pending = new PendingMails();
    private final Set<ConversationSockets> conversations = ConcurrentHashMap.newKeySet();

    public MailOutbox(SettingsStore settings, SystemLog systemLog, Timing timing) {
        this.settings = settings;
        this.systemLog = systemLog;
        this.retries = timing.retries();
        this.conversationDeadline = timing.conversationDeadline();
        this.shutdownWait = timing.shutdownWait();
        this.executor = BackgroundExecutors.singleThreadScheduler("nodepoint-mail");
    }

    /** True when an SMTP server and a sender are set; without them, {@link #send} drops mail. */
    public boolean isEnabled() {
        Settings current = settings.current();
        return current.mailEnabled() && !current.smtpFrom().isEmpty();
    }

    /**
     * Queues the mail; returns at once. Does nothing while mail is not configured. After
     * {@link #stopAccepting()} the mail is not sent, and the shutdown entry of the system log counts it.
     */
    public void send(OutgoingMail mail) {
        if (!isEnabled()) {
            log.debug("Mail is not configured; not sending \"{}\"", mail.title());
            return;
        }
        unfinished.incrementAndGet();
        long id = pending.add(mail);
        try {
            executor.execute(() -> attempt(id, mail, 0));
        } catch (RejectedExecutionException stopped) {
            unfinished.decrementAndGet();
            log.warn("Mail to {} not sent: the outbox is shut down", mail.recipientAddress());
        }
    }

    /**
     * Sends the mail now and waits until the server accepts or rejects it. The conversation
     * deadline (30 s) closes the connection of a server that never finishes. The administrator's
     * test mail calls this, as does the mail thread.
     */
    public void sendNow(OutgoingMail mail) throws MailFailure {
        Settings current = settings.current();
        try (ConversationSockets sockets = ConversationSockets.open(conversationDeadline)) {
            conversations.add(sockets);
            try {
                mailer(current).sendMail(email(current, mail)).get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new MailFailure("interrupted", interrupted);
            } catch (ExecutionException | RuntimeException failure) {
                if (sockets.expired()) {
                    throw new MailFailure("the SMTP server did not finish within " + conversationDeadline.toSeconds() + " s", failure);
                }
                throw new MailFailure(withoutPassword(reason(failure), current.smtpUser(), current.smtpPassword()), failure);
            } finally {
                conversations.remove(sockets);
            }
        }
    }

    /**
     * Sends one queued mail. A failure after {@link #stopAccepting()} leaves the mail pending for the
     * shutdown entry and writes nothing, because the database may be closing.
     */
    private void attempt(long id, OutgoingMail mail, int failures) {
        try {
            sendNow(mail);
            pending.remove(id);
            unfinished.decrementAndGet();
        } catch (MailFailure failure) {
            if (executor.isShutdown()) {
                log.info("Mail to {} failed while stopping ({}); it is not tried again", mail.recipientAddress(), failure.getMessage());
                unfinished.decrementAndGet();
            } else if (failures < retries.size()) {
                Duration wait = retries.get(failures);
                log.info("Mail to {} failed ({}); trying again in {} s", mail.recipientAddress(), failure.getMessage(), wait.toSeconds());
                scheduleRetry(id, mail, failures + 1, wait);
            } else {
                log.warn("Mail to {} failed for good: {}", mail.recipientAddress(), failure.getMessage());
                pending.remove(id);
                systemLog.record(LogCategory.MAIL, mail.recipientAddress(),
                        "Mail \"" + mail.title() + "\" not delivered after " + (failures + 1) + " attempts: " + failure.getMessage());
                unfinished.decrementAndGet();
            }
        }
    }

    private void scheduleRetry(long id, OutgoingMail mail, int failures, Duration wait) {
        try {
            executor.schedule(() -> attempt(id, mail, failures), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            unfinished.decrementAndGet();
        }
    }

    private static Mailer mailer(Settings current) {
        String user = current.smtpUser();
        return MailerBuilder.withSMTPServer(current.smtpServer(), current.smtpPort(),
                        user.isEmpty() ? null : user, user.isEmpty() ? null : current.smtpPassword())
                .withTransportStrategy(switch (current.smtpSecurity()) {
                    case NONE -> TransportStrategy.SMTP;
                    case STARTTLS -> TransportStrategy.SMTP_TLS;
                    case SMTPS -> TransportStrategy.SMTPS;
                })
                .withSessionTimeout(SMTP_TIMEOUT_MILLIS)
                .withProperty("mail.smtp.socketFactory.class", ConversationSockets.class.getName())
                .withProperty("mail.smtps.socketFactory.class", ConversationSockets.class.getName())
                // Without this, Angus Mail would open a plain socket when the factory fails, out of the deadline's reach.
                .withProperty("mail.smtp.socketFactory.fallback", "false")
                .withProperty("mail.smtps.socketFactory.fallback", "false")
                .buildMailer();
    }

    private static Email email(Settings current, OutgoingMail mail) {
        return EmailBuilder.startingBlank()
                .from(current.siteName(), current.smtpFrom())
                .to(mail.recipientName(), mail.recipientAddress())
                .withSubject(MailRendering.subject(current, mail))
                .withPlainText(MailRendering.text(current, mail))
                .withHTMLText(MailRendering.html(current, mail))
                .buildEmail();
    }

    /** Returns the innermost message, which names the server's or the network's error. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }

    /**
     * Masks the SMTP password in a server's or library's message, which reaches the settings page
     * and the system log. No known server repeats it, but a reply is not under our control. Besides
     * the password itself, the Base64 forms that the client sends are masked: the password alone
     * (AUTH LOGIN) and "authzid NUL user NUL password" with an empty or the user's own authzid
     * (AUTH PLAIN), each in UTF-8.
     */
    private static String withoutPassword(String reason, String user, String password) {
        if (password.isEmpty()) {
            return reason;
        }
        Base64.Encoder base64 = Base64.getEncoder();
        List<String> secrets = List.of(password,
                base64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString((user + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
        String masked = reason;
        for (String secret : secrets) {
            masked = masked.replace(secret, "********");
            // A reply may also quote the Base64 text without its "=" padding.
            masked = masked.replace(secret.replaceAll("=+$", ""), "********");
        }
        return masked;
    }

    /** Returns the number of mails queued or waiting for a retry, including one being sent now. */
    public int unfinishedCount() {
        return unfinished.get();
    }

    /** Waits until every queued mail has been sent or has failed for good; for tests. */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unfinished.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(unfinished.get() + " mails were still waiting after " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Takes no new mail from now on and drops the retries still waiting. The mails already queued
     * keep going out until {@link #close()}.
     */
    public void stopAccepting() {
        executor.shutdown();
    }

    /**
     * Stops taking mail, waits up to the shutdown wait (20 s) for the mails already queued, then
     * ends the SMTP conversations still open and drops the rest. Writes one system log entry with
     * the number of mails not sent and their addresses. The mail thread writes nothing after this
     * returns, so the database may close next.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                conversations.forEach(ConversationSockets::close);
                if (!executor.awaitTermination(CONVERSATION_END_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("The mail thread was still running {} s after its SMTP connections were closed", CONVERSATION_END_WAIT.toSeconds());
                }
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            conversations.forEach(ConversationSockets::close);
            Thread.currentThread().interrupt();
        }
        pending.shutdownReport().ifPresent(report -> {
            log.warn(report);
            systemLog.record(LogCategory.MAIL, "", report);
        });
    }
}
