package org.nodepoint.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AttackCorpusTest {
    @Test
    void corpus_has_at_least_300_inputs() {
        assertThat(AttackCorpus.load()).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void corpus_inputs_are_distinct() {
        assertThat(AttackCorpus.load()).extracting(AttackCorpus.Input::source).doesNotHaveDuplicates();
    }

    /** A line as written in the corpus file, and the bytes it stands for, in hex. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "abc | 616263",
        "A\\{3} | 414141",
        "\\\\n | 5c6e",
        "a\\tb\\r\\n | 6109620d0a",
        "\\0\\s\\# | 002023",
        "\\u00e9 | c3a9",
        "\\uD83D\\uDE00 | f09f9880",
        "\\uD800 | eda080",
        "x\\uDE00\\uD83D | 78edb880eda0bd",
        "\\xFF\\xC0\\xAF | ffc0af",
        "é\\{2} | c3a9c3a9"})
    void escape_decodes_to_bytes(String line, String hex) {
        assertThat(HexFormat.of().formatHex(AttackCorpus.decode(line, 1))).isEqualTo(hex);
    }

    @Test
    void unknown_escape_is_rejected() {
        assertThatThrownBy(() -> AttackCorpus.decode("a\\qb", 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 7")
                .hasMessageContaining("\\q");
    }

    @Test
    void percent_decoding_restores_bytes() {
        byte[] bytes = {'a', ' ', '"', '%', (byte) 0xFF, (byte) 0xC0};

        assertThat(AttackCorpus.percentDecode(AttackCorpus.percentEncode(bytes))).isEqualTo(bytes);
    }

    @Test
    void percent_encoding_keeps_only_unreserved_characters() {
        assertThat(AttackCorpus.percentEncode(new byte[] {'a', 'Z', '0', '-', '.', '_', '~', ' ', '/', '%', (byte) 0xFF}))
                .isEqualTo("aZ0-._~%20%2F%25%FF");
    }
}
