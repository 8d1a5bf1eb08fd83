package org.nodepoint.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The combined standard output and error of one run. The first bytes are kept for the system log
 * and the rest is read and dropped, so that a command that prints a lot does not block on a full pipe.
 */
final class PluginOutput {
    static final int MAX_LINES = 20;
    static final int MAX_CHARACTERS = 1_000;
    /** Enough for {@link #MAX_CHARACTERS} characters of UTF-8 with room for the secrets to hide. */
    private static final int MAX_KEPT_BYTES = 16 * 1024;
    static final String HIDDEN = "[hidden]";

    /** The first lines, with each secret replaced; {@code cut} is true when lines or characters were left out. */
    record Excerpt(List<String> lines, boolean cut) {
    }

    private final ByteArrayOutputStream firstBytes = new ByteArrayOutputStream();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean bytesDropped;

    /** Reads the stream to its end, which comes when every process that has the pipe open has closed it. */
    void readAll(InputStream stream) {
        byte[] buffer = new byte[8_192];
        try (stream) {
            int count;
            while ((count = stream.read(buffer)) >= 0) {
                keep(buffer, count);
            }
        } catch (IOException closedByStop) {
            // The pipe went away with the process; what was read so far is kept.
        } finally {
            closed.countDown();
        }
    }

    /** Waits until the output is closed and returns whether it was within the time. */
    boolean awaitClosed(long nanos) throws InterruptedException {
        return closed.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Returns the first lines read so far, with every occurrence of each secret replaced by {@value #HIDDEN}. */
    synchronized Excerpt excerpt(Collection<String> secrets) {
        String text = firstBytes.toString(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                text = text.replace(secret, HIDDEN);
            }
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        boolean cut = bytesDropped;
        List<String> excerpt = new ArrayList<>();
        int characters = 0;
        for (String line : lines) {
            if (excerpt.size() == MAX_LINES) {
                cut = true;
                break;
            }
            if (characters + line.length() > MAX_CHARACTERS) {
                cut = true;
                int room = MAX_CHARACTERS - characters;
                if (room > 0 && Character.isHighSurrogate(line.charAt(room - 1))) {
                    room--;
                }
                if (room > 0) {
                    excerpt.add(line.substring(0, room));
                }
                break;
            }
            excerpt.add(line);
            characters += line.length();
        }
        return new Excerpt(List.copyOf(excerpt), cut);
    }

    private synchronized void keep(byte[] buffer, int count) {
        int room = MAX_KEPT_BYTES - firstBytes.size();
        if (count > room) {
            bytesDropped = true;
        }
        firstBytes.write(buffer, 0, Math.min(count, room));
    }
}
