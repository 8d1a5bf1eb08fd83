package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListingCacheTest {
    private static final ListingCache.Key LAPTOPS = new ListingCache.Key(1, false);
    private static final ListingCache.Key PRINTERS = new ListingCache.Key(2, false);
    private static final ListingCache.Key SCANNERS = new ListingCache.Key(3, false);

    @Test
    void find_matches_only_same_stamp() {
        ListingCache cache = new ListingCache(100);
        cache.store(LAPTOPS, 7, new byte[] {1, 2});

        assertThat(cache.find(LAPTOPS, 7)).hasValueSatisfying(body -> assertThat(body).containsExactly(1, 2));
        assertThat(cache.find(LAPTOPS, 8)).isEmpty();
        assertThat(cache.find(new ListingCache.Key(1, true), 7)).isEmpty();
        assertThat(cache.find(PRINTERS, 7)).isEmpty();
    }

    @Test
    void older_stamp_keeps_newer_entry() {
        ListingCache cache = new ListingCache(100);
        cache.store(LAPTOPS, 8, new byte[] {8});

        cache.store(LAPTOPS, 7, new byte[] {7});

        assertThat(cache.find(LAPTOPS, 8)).hasValueSatisfying(body -> assertThat(body).containsExactly(8));
        assertThat(cache.cachedBytes()).isEqualTo(1);
    }

    @Test
    void newer_stamp_replaces_entry() {
        ListingCache cache = new ListingCache(100);
        cache.store(LAPTOPS, 7, new byte[10]);

        cache.store(LAPTOPS, 8, new byte[4]);

        assertThat(cache.find(LAPTOPS, 7)).isEmpty();
        assertThat(cache.find(LAPTOPS, 8)).isPresent();
        assertThat(cache.cachedBytes()).isEqualTo(4);
    }

    @Test
    void size_limit_evicts_least_recently_used() {
        ListingCache cache = new ListingCache(10);
        cache.store(LAPTOPS, 1, new byte[4]);
        cache.store(PRINTERS, 1, new byte[4]);
        cache.find(LAPTOPS, 1);

        cache.store(SCANNERS, 1, new byte[4]);

        assertThat(cache.find(PRINTERS, 1)).isEmpty();
        assertThat(cache.find(LAPTOPS, 1)).isPresent();
        assertThat(cache.find(SCANNERS, 1)).isPresent();
        assertThat(cache.cachedBytes()).isEqualTo(8);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void body_over_limit_is_not_stored() {
        ListingCache cache = new ListingCache(10);
        cache.store(LAPTOPS, 1, new byte[4]);

        cache.store(PRINTERS, 1, new byte[11]);

        assertThat(cache.find(PRINTERS, 1)).isEmpty();
        assertThat(cache.find(LAPTOPS, 1)).isPresent();
    }
}
