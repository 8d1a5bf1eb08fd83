package org.nodepoint.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nodepoint.config.Settings;

/** Turns an {@link OutgoingMail} into the subject and the two bodies, with the signature added. */
final class MailRendering {
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"']+");
    private static final String DEFAULT_SIGNATURE = "This message was sent by NodePoint. Please do not reply to it.";

    private MailRendering() {
    }

    static String subject(Settings settings, OutgoingMail mail) {
        return settings.siteName() + " - " + oneLine(mail.title());
    }

    static String text(Settings settings, OutgoingMail mail) {
        return mail.body() + "\n\n-- \n" + signature(settings) + "\n";
    }

    /** Builds the HTML body with every character escaped, and links only for web addresses. */
    static String html(Settings settings, OutgoingMail mail) {
        return "<!DOCTYPE html><html><body><div style=\"white-space: pre-wrap; font-family: sans-serif\">"
                + linked(mail.body())
                + "</div><hr><div style=\"color: #555; font-family: sans-serif; white-space: pre-wrap\">"
                + escape(signature(settings))
                + "</div></body></html>";
    }

    private static String signature(Settings settings) {
        String custom = settings.emailSignature();
        return custom.isEmpty() ? DEFAULT_SIGNATURE : custom;
    }

    private static String linked(String text) {
        StringBuilder html = new StringBuilder();
        Matcher address = WEB_ADDRESS.matcher(text);
        int end = 0;
        while (address.find()) {
            html.append(escape(text.substring(end, address.start())));
            String url = escape(address.group());
            html.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            end = address.end();
        }
        return html.append(escape(text.substring(end))).toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
