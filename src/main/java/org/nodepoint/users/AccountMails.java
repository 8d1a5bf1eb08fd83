package org.nodepoint.users;

import java.time.Duration;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.mail.MailOutbox;
import org.nodepoint.mail.OutgoingMail;
import org.nodepoint.web.Text;

/**
 * Writes the mails about an account and queues them in the outbox: the address confirmation, the
 * password reset link and the notice of a reset by a user manager. A link is added only while
 * public_url is set, because an address taken from a request's Host header could point anywhere.
 * The code and the page path are always in the mail, so it also works without the link.
 */
public final class AccountMails {
    public static final String CONFIRM_EMAIL_PATH = "/confirm-email";
    public static final String RESET_PASSWORD_PATH = "/reset-password";

    private final MailOutbox outbox;
    private final SettingsStore settings;
    private final Text text;

    public AccountMails(MailOutbox outbox, SettingsStore settings, Text text) {
        this.outbox = outbox;
        this.settings = settings;
        this.text = text;
    }

    /** True when mail is configured, so that account mails can go out. */
    public boolean canSend() {
        return outbox.isEnabled();
    }

    /** Mails a confirmation code to {@code email}, which need not be confirmed yet. */
    void sendConfirmation(User user, String email, String code, Duration validity) {
        Settings current = settings.current();
        String body = String.join("\n\n",
                text.plain("mail.greeting", user.name()),
                text.plain("mail.confirm.intro", user.name(), current.siteName(), email),
                codeInstructions("mail.confirm", CONFIRM_EMAIL_PATH, code, current, user.name()),
                text.plain("mail.confirm.validity", validity.toDays()));
        outbox.send(new OutgoingMail(user.name(), email, text.plain("mail.confirm.title"), body));
    }

    /** Mails a password reset code to the user's address. The caller must check that the address is confirmed. */
    void sendResetLink(User user, String code, Duration validity) {
        Settings current = settings.current();
        String body = String.join("\n\n",
                text.plain("mail.greeting", user.name()),
                text.plain("mail.reset.intro", user.name(), current.siteName()),
                codeInstructions("mail.reset", RESET_PASSWORD_PATH, code, current, user.name()),
                text.plain("mail.reset.validity", validity.toMinutes()));
        outbox.send(new OutgoingMail(user.name(), user.email(), text.plain("mail.reset.title"), body));
    }

    /** Tells the user that a user manager reset their password. The mail never carries the password. */
    void sendResetByManager(User user, String managerName) {
        Settings current = settings.current();
        String body = String.join("\n\n",
                text.plain("mail.greeting", user.name()),
                text.plain("mail.managerReset.body", user.name(), managerName, current.siteName()),
                text.plain("mail.managerReset.unexpected"));
        outbox.send(new OutgoingMail(user.name(), user.email(), text.plain("mail.managerReset.title"), body));
    }

    /** Returns the link paragraph (only with public_url) and the paragraph with the page address and the code. */
    private String codeInstructions(String prefix, String path, String code, Settings current, String userName) {
        String publicUrl = current.publicUrl();
        String codeParagraph = text.plain(prefix + ".code", publicUrl + path) + "\n" + code;
        if (publicUrl.isEmpty()) {
            return codeParagraph;
        }
        String link = publicUrl + path + "?token=" + code;
        return text.plain(prefix + ".link", userName) + "\n" + link + "\n\n" + codeParagraph;
    }
}
