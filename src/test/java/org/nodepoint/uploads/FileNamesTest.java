package org.nodepoint.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void clean_keeps_readable_names() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("..\\..\\nodepoint.cfg", "..\\..\\nodepoint.cfg");
        cases.put("a%22b;c.txt", "a\"b;c.txt");
        cases.put("a\"b;c.txt", "a\"b;c.txt");
        cases.put("Erkla\u0308rung, Q1 – 日本語.pdf", "Erklärung, Q1 – 日本語.pdf");
        cases.put("  report.pdf \t", "report.pdf");
        cases.put("line\r\nbreak\u0000.txt", "linebreak.txt");
        cases.put("invoice\u202Efdp.exe", "invoicefdp.exe");
        cases.put("CON", "CON");
        cases.put("", FileNames.UNNAMED);
        cases.put(" \u0007 ", FileNames.UNNAMED);
        cases.put(null, FileNames.UNNAMED);

        cases.forEach((submitted, expected) -> assertThat(FileNames.clean(submitted)).as("clean(%s)", submitted).isEqualTo(expected));
    }

    @Test
    void clean_shortens_long_names() {
        String longName = "a".repeat(300) + ".tar.gz";
        String emoji = "\uD83D\uDE00".repeat(300) + ".png";
        String longExtension = "b".repeat(100) + "." + "c".repeat(200);

        String shortened = FileNames.clean(longName);
        String shortenedEmoji = FileNames.clean(emoji);

        assertThat(shortened).hasSize(FileNames.MAX_LENGTH).startsWith("aaa").endsWith("a.gz");
        assertThat(shortenedEmoji.codePointCount(0, shortenedEmoji.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(shortenedEmoji).endsWith("\uD83D\uDE00.png");
        assertThat(FileNames.clean(longExtension)).hasSize(FileNames.MAX_LENGTH).startsWith("bbb");
    }

    @Test
    void extension_is_final_part_only() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a.php.jpg", "jpg");
        cases.put("REPORT.PDF", "pdf");
        cases.put("archive.tar.gz", "gz");
        cases.put("README", "");
        cases.put(".htaccess", "");
        cases.put("notes.", "");
        cases.put("..\\..\\nodepoint.cfg", "cfg");
        cases.put("folder.d/file", "");
        cases.put("folder.d\\file", "");

        cases.forEach((name, expected) -> assertThat(FileNames.extension(name)).as("extension(%s)", name).isEqualTo(expected));
    }
}
