package org.nodepoint.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mails that the outbox took and has not sent or given up yet, in the order it took them, so
 * that shutdown can report the ones it drops.
 */
final class PendingMails {
    /** The report lists addresses up to about this many characters, then only counts the rest. */
    static final int MAX_LISTED_CHARACTERS = 500;

    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, OutgoingMail> mails = new ConcurrentSkipListMap<>();

    /** Adds the mail and returns the id to remove it by. */
    long add(OutgoingMail mail) {
        long id = nextId.incrementAndGet();
        mails.put(id, mail);
        return id;
    }

    void remove(long id) {
        mails.remove(id);
    }

    /**
     * Returns the text of the system log entry about the mails still pending, or empty when none
     * is. It names how many there are and their distinct recipient addresses, cut after
     * {@link #MAX_LISTED_CHARACTERS} characters with the number of addresses left out.
     */
    Optional<String> shutdownReport() {
        List<OutgoingMail> unsent = List.copyOf(mails.values());
        if (unsent.isEmpty()) {
            return Optional.empty();
        }
        Set<String> addresses = new LinkedHashSet<>();
        unsent.forEach(mail -> addresses.add(mail.recipientAddress()));
        List<String> listed = new ArrayList<>();
        int length = 0;
        for (String address : addresses) {
            if (!listed.isEmpty() && length + address.length() > MAX_LISTED_CHARACTERS) {
                break;
            }
            listed.add(address);
            length += address.length() + 2;
        }
        int leftOut = addresses.size() - listed.size();
        String count = unsent.size() == 1 ? "1 mail was" : unsent.size() + " mails were";
        return Optional.of(count + " not sent before shutdown and will not be sent: to " + String.join(", ", listed)
                + (leftOut == 0 ? "" : " and " + leftOut + " more addresses"));
    }
}
