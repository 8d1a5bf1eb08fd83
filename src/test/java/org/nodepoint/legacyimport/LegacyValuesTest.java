package org.nodepoint.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyValuesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void ctime_read_in_server_zone() {
        LegacyDates dates = new LegacyDates(BERLIN);

        long expected = LocalDateTime.of(2025, 12, 4, 10, 0, 5).atZone(BERLIN).toInstant().toEpochMilli();
        assertThat(dates.parse("Thu Dec  4 10:00:05 2025")).contains(expected);
        assertThat(dates.parse("Sat Jul 12 23:59:59 2025")).contains(LocalDateTime.of(2025, 7, 12, 23, 59, 59).atZone(BERLIN).toInstant().toEpochMilli());
        assertThat(dates.parse("2025-12-04 10:00")).isEmpty();
        assertThat(dates.parse("Fri Dec  4 10:00:05 2025")).as("weekday that does not match the date").isEmpty();
    }

    @Test
    void never_means_not_set() {
        assertThat(LegacyDates.isNever("Never")).isTrue();
        assertThat(LegacyDates.isNever(" never ")).isTrue();
        assertThat(LegacyDates.isNever("")).isTrue();
        assertThat(LegacyDates.isNever("Thu Dec  4 10:00:05 2025")).isFalse();
    }

    @Test
    void due_day_found_in_text() {
        assertThat(LegacyDates.day("until 12/31/2026 at noon")).contains("2026-12-31");
        assertThat(LegacyDates.day("3/5/2026")).contains("2026-03-05");
        assertThat(LegacyDates.day("02/30/2026")).isEmpty();
        assertThat(LegacyDates.day("soon")).isEmpty();
    }

    @Test
    void only_entities_of_1x_decoded() {
        assertThat(LegacyText.decode("&lt;b>&quot;x&quot;&lt;/b>")).isEqualTo("<b>\"x\"</b>");
        assertThat(LegacyText.decode("a &amp; b &gt; c &#39;d&#39;")).isEqualTo("a &amp; b &gt; c &#39;d&#39;");
        assertThat(LegacyText.decode("日本語 😀")).isEqualTo("日本語 😀");
        assertThat(LegacyText.decode(null)).isEmpty();
    }

    @Test
    void rc4_matches_published_vector() {
        byte[] cipherText = SettingsImport.rc4("Key".getBytes(StandardCharsets.US_ASCII), "Plaintext".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(cipherText)).isEqualTo("bbf316e8d940af0ad3");
    }

    @Test
    void smtp_password_decrypted_with_api_write() {
        String stored = Base64.getEncoder().encodeToString(
                SettingsImport.rc4("write-key".getBytes(StandardCharsets.UTF_8), "mail-pass".getBytes(StandardCharsets.UTF_8)));

        SettingsImport.Mapping mapping = SettingsImport.map(Map.of("smtp_pass", stored, "enc_key", "", "api_write", "write-key",
                "admin_pass", "0123456789abcdef0123456789abcdef01234567", "db_address", "/srv/old/db/nodepoint.db", "dummy", "value"));

        assertThat(mapping.values()).containsEntry("smtp_pass", "mail-pass");
        assertThat(mapping.values()).doesNotContainKey("db_address");
        assertThat(mapping.unknownKeys()).containsExactly("dummy");
        assertThat(mapping.notes()).isEmpty();
    }

    @Test
    void undecryptable_smtp_password_dropped() {
        SettingsImport.Mapping mapping = SettingsImport.map(Map.of("smtp_pass", "not base64 !", "enc_key", "k"));

        assertThat(mapping.values()).doesNotContainKey("smtp_pass");
        assertThat(mapping.notes()).anyMatch(note -> note.startsWith("smtp_pass could not be decrypted"));
        assertThat(mapping.notes()).anyMatch(note -> note.startsWith("admin_pass is empty"));
    }

    @Test
    void directory_server_keeps_plain_ldap() {
        SettingsImport.Mapping mapping = SettingsImport.map(Map.of("ad_server", "dc1.corp.example", "ad_domain", "CORP"));

        assertThat(mapping.values()).containsEntry("ad_tls", "none").containsEntry("ad_server", "dc1.corp.example");
        assertThat(mapping.notes()).anyMatch(note -> note.startsWith("ad_tls is set to none"));
        assertThat(SettingsImport.map(Map.of("ad_domain", "CORP")).values()).doesNotContainKey("ad_tls");
    }
}
