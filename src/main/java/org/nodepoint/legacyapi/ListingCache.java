package org.nodepoint.legacyapi;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rendered list_tickets responses by product, each valid while the product's listing stamp is
 * unchanged. The largest project of a 100,000-ticket installation gives a 3.6 MB response that takes
 * tens of milliseconds to read and render, and scripts poll it. Entries are evicted least recently
 * used first once their total size passes the limit.
 */
final class ListingCache {
    /** What a response depends on besides the tickets: hide_close leaves closed tickets out. */
    record Key(long productId, boolean hideClosed) {
    }

    private record Entry(long stamp, byte[] body) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;

    ListingCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Returns the cached response for the key when it was rendered at this stamp. */
    synchronized Optional<byte[]> find(Key key, long stamp) {
        Entry entry = entries.get(key);
        return entry != null && entry.stamp() == stamp ? Optional.of(entry.body()) : Optional.empty();
    }

    /** Stores a response rendered at the stamp, unless an entry of a later stamp is already there. */
    synchronized void store(Key key, long stamp, byte[] body) {
        if (body.length > maxBytes) {
            return;
        }
        Entry previous = entries.get(key);
        if (previous != null && previous.stamp() > stamp) {
            return;
        }
        if (previous != null) {
            cachedBytes -= previous.body().length;
        }
        entries.put(key, new Entry(stamp, body));
        cachedBytes += body.length;
        evictOverLimit();
    }

    synchronized long cachedBytes() {
        return cachedBytes;
    }

    synchronized int size() {
        return entries.size();
    }

    private void evictOverLimit() {
        Iterator<Map.Entry<Key, Entry>> eldestFirst = entries.entrySet().iterator();
        while (cachedBytes > maxBytes && eldestFirst.hasNext()) {
            cachedBytes -= eldestFirst.next().getValue().body().length;
            eldestFirst.remove();
        }
    }
}
