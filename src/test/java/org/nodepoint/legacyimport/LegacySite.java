package org.nodepoint.legacyimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A 1.x site with awkward data in every table that the import reads, and the values that the tests check. */
final class LegacySite {
    static final String ADMIN_NAME = "boss";
    static final String ADMIN_PASSWORD = "boss-password-1";
    static final String ALICE_PASSWORD = "alice-password";
    static final String READ_KEY = "LegacyReadKey0123456789abcdefghij";
    static final String WRITE_KEY = "LegacyWriteKey0123456789abcdefghi";
    static final String ENCRYPTION_KEY = "Enc0Key1";
    static final String SMTP_PASSWORD = "smtp-secret";
    /** A ticket title as 1.x stored it: it wrote &lt; and &quot; for < and ", and kept every other entity as typed. */
    static final String STORED_TITLE = "&lt;b>bold&lt;/b&gt; &amp; &#39;q&#39; &quot;x&quot;";
    static final String DECODED_TITLE = "<b>bold</b&gt; &amp; &#39;q&#39; \"x\"";
    static final String CREATED = "Thu Dec  4 10:00:00 2025";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private LegacySite() {
    }

    static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("site_name", "Old Desk");
        settings.put("admin_name", ADMIN_NAME);
        settings.put("admin_pass", sha1(ADMIN_PASSWORD));
        settings.put("db_address", "../db/nodepoint.db");
        settings.put("upload_folder", "../uploads");
        settings.put("api_read", READ_KEY);
        settings.put("api_write", WRITE_KEY);
        settings.put("enc_key", ENCRYPTION_KEY);
        settings.put("smtp_server", "");
        settings.put("smtp_pass", Base64.getEncoder().encodeToString(
                SettingsImport.rc4(ENCRYPTION_KEY.getBytes(StandardCharsets.UTF_8), SMTP_PASSWORD.getBytes(StandardCharsets.UTF_8))));
        settings.put("default_vis", "Public");
        settings.put("comp_shoutbox", "on");
        settings.put("theme_color", "2");
        settings.put("legacy_only_key", "something");
        return settings;
    }

    /** Fills every table; the comments name the case that each row covers. */
    static void fill(LegacyFixture old) throws Exception {
        old.insert("users", "alice", sha1(ALICE_PASSWORD), "alice@example.org", 2, CREATED, "");
        old.insert("users", "ALICE", sha1("other"), "", 1, "Never", "");              // same name in another case
        old.insert("users", "bob", "*********", "bob@example.org", 6, "Never", "A1B2C3D4E5F6G7H8"); // level 6, AD account
        old.insert("users", "carol", sha1("carol-password"), "", 1, "Never", "");
        old.insert("users", "system", sha1("x"), "", 1, "Never", "");                 // a built-in actor's name
        old.insert("disabled", "Carol");
        old.insert("disabled", "nobody");

        old.upload("shot-guid", PNG);
        old.insert("products", "Widgets 日本語", "Model X", "Line one\nline two", "shot-guid", "Public", "Mon Jan  6 09:30:00 2025", "Never");
        old.insert("products", "WIDGETS 日本語", "", "", "", "Secret", "not a date", "Never"); // duplicate name, bad visibility and date
        old.insert("releases", 1, "alice", "1.0", "First", CREATED);
        old.insert("releases", 1, "alice", "1.0", "Again", CREATED);                      // duplicate version
        old.insert("releases", 42, "alice", "2.0", "", CREATED);                         // missing product
        old.insert("autoassign", 1, "alice");
        old.insert("autoassign", 1, "zed");                                              // unknown user

        old.insert("tickets", 1, "1.0", "alice", " alice bob ", STORED_TITLE, "日本語 😀", "High", "Open", "", "carol ", CREATED, "Never");
        old.insert("tickets", 99, "", "alice", "", "Lost", "", "Low", "New", "", "", CREATED, "Never");      // missing product
        old.insert("tickets", 1, "", "ghost", "", "Haunted", "", "Urgent", "Weird", "", "", CREATED, "Never"); // deleted author, bad values
        old.insert("escalate", 1, "alice");
        old.insert("escalate", 2, "alice");                                              // ticket was skipped

        old.upload("file-guid", "report text".getBytes(StandardCharsets.UTF_8));
        old.insert("comments", 1, "alice", "See &lt;attached&gt; file", CREATED, "Never", "file-guid", "report.txt");
        old.insert("comments", 1, "bob", "Lost file", CREATED, "Never", "missing-guid", "gone.txt");       // upload missing
        old.insert("comments", 2, "bob", "On a skipped ticket", CREATED, "Never", "", "");
        old.insert("timetracking", 1, "alice", 1.5, CREATED);
        old.insert("timetracking", 99, "alice", 2.0, CREATED);

        old.insert("clients", "Acme", "Paid", "Jane", "Big client", CREATED);
        old.insert("clients", "ACME", "Someday", "", "", "Never");                       // duplicate name, bad status
        old.insert("billing_defaults", "acme", 1, "EUR", 50.25);                          // found by name in another case
        old.insert("billing", 1, "Acme");
        old.insert("billing", 3, "Nobody Inc");                                           // no such client
        old.insert("events", 1, "alice", "Phone call", "Called Jane", "Notes &quot;quoted&quot;", CREATED);
        old.insert("events", 7, "alice", "Other contact", "Nowhere", "", CREATED);          // missing client

        old.insert("items", "Laptop", "Laptop", "SN-1", 1, 1, 1, 3, "alice", "locker 4");
        old.insert("items", "Laptop copy", "Laptop", "sn-1", 0, 0, 0, 1, "", "");         // duplicate serial
        old.insert("items", "Mouse", "Mouse", "", 55, 0, 0, 2, "", "");                    // waiting without a user, missing product
        old.insert("item_expiration", 1, "until 12/31/2026");
        old.insert("checkouts", 1, "alice", "Checked out", CREATED);
        old.insert("checkouts", 1, "boss", "Assigned to alice", CREATED);
        old.insert("checkouts", 1, "boss", "Painted blue", CREATED);                     // not a 1.x event

        old.insert("kb", 0, "Using &lt;tags>", "Body **bold**", 1, "api", CREATED, "Never");
        old.insert("kb", 77, "Orphan", "", 0, "api", CREATED, "Never");                   // missing product
        old.insert("kblink", 1, 1);
        old.insert("subscribe", "alice", 1);

        old.insert("steps", 1, "Write docs", "alice", 45, "due 03/15/2026");
        old.insert("steps", 1, "No date", "alice", 0, "soon");                           // no mm/dd/yyyy
        old.insert("steps_log", 1, "alice", "<b>added</b>", CREATED);

        old.insert("shoutbox", "alice", "hello 😀", CREATED);

        old.upload("shared-guid", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        old.insert("files", "alice", "shared-guid", "manual.pdf", CREATED, 8);
        old.insert("files", "alice", "../../etc/passwd", "escape.txt", CREATED, 8);     // not a plain file name
        old.insert("file_access", "10.0.0.1", "shared-guid", CREATED);

        old.insert("log", "10.0.0.1", "alice", "Logged in", CREATED, 1_764_842_400L);
        old.insert("sessions", "alice", "abcdefabcdefabcdefabcdefabcdefab", "10.0.0.1", 0);
        old.insert("secrets", 1, "alice", "note", "root", "c2VjcmV0", CREATED);

        Object[] form = new Object[23];
        form[0] = 1;
        form[1] = "Bug form";
        form[2] = "Summary";
        form[3] = 0;
        form[4] = "Steps to reproduce";
        form[5] = 1;
        form[6] = "";
        form[7] = 0;
        form[8] = "Severity";
        form[9] = 17;
        for (int index = 10; index < 22; index += 2) {
            form[index] = "";
            form[index + 1] = 0;
        }
        form[22] = CREATED;
        old.insert("forms", form);
        old.insert("default_form", 1);
    }

    static String sha1(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
