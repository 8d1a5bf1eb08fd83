package org.nodepoint.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what tests need from a mail that GreenMail received: recipients, the plain text and the account code in it. */
public final class ReceivedMail {
    /** A code of an account mail: 43 URL-safe Base64 characters on a line of their own. */
    private static final Pattern CODE = Pattern.compile("(?m)^([A-Za-z0-9_-]{43})$");

    private ReceivedMail() {
    }

    /** Returns the address of every recipient of every message, one entry per message and recipient. */
    public static List<String> addresses(MimeMessage[] messages) {
        return Arrays.stream(messages).flatMap(message -> recipients(message).stream()).toList();
    }

    /** Returns the one message sent to the address; fails when there is none or more than one. */
    public static MimeMessage to(MimeMessage[] messages, String address) {
        List<MimeMessage> found = Arrays.stream(messages).filter(message -> recipients(message).contains(address)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " messages to " + address + ", expected 1");
        }
        return found.get(0);
    }

    /** Returns the address of every recipient, without the display names. */
    public static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(address -> address.toString().replaceAll(".*<|>.*", "")).toList();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Returns the text/plain part with line breaks as \n. */
    public static String text(MimeMessage message) {
        try {
            String text = findPart(message, "text/plain");
            if (text == null) {
                throw new AssertionError("The mail has no text/plain part");
            }
            return text.replace("\r\n", "\n");
        } catch (MessagingException | IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Returns the text/html part. */
    public static String html(MimeMessage message) {
        try {
            String html = findPart(message, "text/html");
            if (html == null) {
                throw new AssertionError("The mail has no text/html part");
            }
            return html;
        } catch (MessagingException | IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Returns the one account code in the plain text, failing when there is none. */
    public static String code(MimeMessage message) {
        Matcher matcher = CODE.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("No account code in the mail:\n" + text(message));
        }
        return matcher.group(1);
    }

    private static String findPart(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = findPart(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
