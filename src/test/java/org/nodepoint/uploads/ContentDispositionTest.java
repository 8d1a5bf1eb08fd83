package org.nodepoint.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {
    @Test
    void fallback_is_safe_ascii() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("report.pdf", "report.pdf");
        cases.put("a\"b;c.txt", "a_b_c.txt");
        cases.put("..\\..\\nodepoint.cfg", ".._.._nodepoint.cfg");
        cases.put("100% done/final.txt", "100_ done_final.txt");
        cases.put("Crème brûlée.doc", "Creme brulee.doc");
        cases.put("日本語.pdf", "___.pdf");
        cases.put("\uD83D\uDE00.png", "_.png");

        cases.forEach((name, expected) -> assertThat(ContentDisposition.asciiFallback(name)).as(name).isEqualTo(expected));
    }

    @Test
    void filename_star_encodes_utf8() {
        assertThat(ContentDisposition.percentEncode("a b.txt")).isEqualTo("a%20b.txt");
        assertThat(ContentDisposition.percentEncode("ä'\"\\;%*")).isEqualTo("%C3%A4%27%22%5C%3B%25%2A");
        assertThat(ContentDisposition.percentEncode("!#$&+-.^_`|~")).isEqualTo("!#$&+-.^_`|~");
    }

    @Test
    void header_has_both_names() {
        assertThat(ContentDisposition.attachment("Übersicht.pdf"))
                .isEqualTo("attachment; filename=\"Ubersicht.pdf\"; filename*=UTF-8''%C3%9Cbersicht.pdf");
    }
}
