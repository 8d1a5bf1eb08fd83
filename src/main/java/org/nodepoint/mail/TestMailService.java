package org.nodepoint.mail;

import java.util.regex.Pattern;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's test e-mail: sends one mail with the saved SMTP settings while the
 * administrator waits, and reports the server's or the network's error. A failure also goes to
 * the system log. The SMTP password appears in neither.
 */
public final class TestMailService {
    private static final Logger log = LoggerFactory.getLogger(TestMailService.class);
    /** RFC 5321 limits a forward path to 256 octets, which leaves 254 for the address between its brackets. */
    public static final int MAX_ADDRESS_LENGTH = 254;
    public static final String ADDRESS_FIELD = "address";
    /**
     * An ASCII address: the characters that RFC 5322 allows unquoted before the @, and a domain of
     * at least two labels. Spaces, control characters, quotes and brackets, which could change a
     * header, never pass.
     */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private final MailOutbox outbox;
    private final SettingsStore settings;
    private final UserService users;
    private final SystemLog systemLog;
    private final Text text;

    /**
     * The outcome shown to the administrator: a message key of the UI bundle and its one value.
     * {@code sent} is false when nothing was sent or the server rejected the mail.
     */
    public record Result(boolean sent, String messageKey, String value) {
    }

    public TestMailService(MailOutbox outbox, SettingsStore settings, UserService users, SystemLog systemLog, Text text) {
        this.outbox = outbox;
        this.settings = settings;
        this.users = users;
        this.systemLog = systemLog;
        this.text = text;
    }

    /** Returns the administrator's own address, to fill in the form, or "" when their account has none. */
    public String ownAddress(Viewer admin) {
        return admin.isGuest() ? "" : users.findById(admin.userId()).map(User::email).orElse("");
    }

    /**
     * Sends a test mail to {@code address} and waits for the server's reply. Connecting and each
     * read or write time out after the outbox's SMTP timeout, and the whole conversation after its
     * deadline. Throws ValidationException naming the
     * address field when it is not one address.
     */
    public Result send(Viewer admin, String address) {
        if (address.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(address).matches()) {
            throw ValidationException.of(ADDRESS_FIELD, "mail.test.address.invalid", MAX_ADDRESS_LENGTH);
        }
        Settings current = settings.current();
        boolean noServer = current.smtpServer().isEmpty();
        boolean noSender = current.smtpFrom().isEmpty();
        if (noServer || noSender) {
            if (noServer && noSender) {
                return new Result(false, "mail.test.missing.both", "");
            }
            return new Result(false, noServer ? "mail.test.missing.server" : "mail.test.missing.sender", "");
        }
        OutgoingMail mail = new OutgoingMail(address, address, text.plain("mail.test.title"),
                text.plain("mail.test.body", current.siteName(), admin.name()));
        try {
            outbox.sendNow(mail);
        } catch (MailFailure failure) {
            String reason = failure.getMessage().replaceAll("\\s+", " ").strip();
            log.warn("Test mail to {} failed: {}", address, reason);
            systemLog.record(LogCategory.MAIL, admin.name(), "Test e-mail to " + address + " failed: " + reason);
            return new Result(false, "mail.test.failed", reason);
        }
        log.info("Administrator {} sent a test mail to {}", admin.name(), address);
        return new Result(true, "mail.test.sent", address);
    }
}
