package org.nodepoint.notifications;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** Reads what GreenMail received: the recipient addresses and the text and HTML parts of a message. */
final class ReceivedMail {
    private ReceivedMail() {
    }

    /** Returns the address of every recipient of every message, one entry per message and recipient. */
    static List<String> addresses(MimeMessage[] messages) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (MimeMessage message : messages) {
            for (Address recipient : message.getAllRecipients()) {
                addresses.add(((InternetAddress) recipient).getAddress());
            }
        }
        return addresses;
    }

    /** Returns the one message sent to the address; fails when there is none or more than one. */
    static MimeMessage to(MimeMessage[] messages, String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : messages) {
            if (addresses(new MimeMessage[] {message}).contains(address)) {
                found.add(message);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " messages to " + address + ", expected 1");
        }
        return found.get(0);
    }

    static String text(MimeMessage message) throws Exception {
        return part((Multipart) message.getContent(), "text/plain").replace("\r\n", "\n");
    }

    static String html(MimeMessage message) throws Exception {
        return part((Multipart) message.getContent(), "text/html").replace("\r\n", "\n");
    }

    private static String part(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart body = multipart.getBodyPart(i);
            if (body.isMimeType(type)) {
                return (String) body.getContent();
            }
            if (body.getContent() instanceof Multipart inner) {
                return part(inner, type);
            }
        }
        throw new AssertionError("No " + type + " part");
    }
}
