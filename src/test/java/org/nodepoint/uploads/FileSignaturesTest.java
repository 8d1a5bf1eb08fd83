package org.nodepoint.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nodepoint.testing.TestImages;

class FileSignaturesTest {
    @Test
    void images_recognised_by_content() {
        assertThat(FileSignatures.detect(TestImages.png())).isEqualTo(FileSignatures.PNG);
        assertThat(FileSignatures.detect(TestImages.encode("jpg"))).isEqualTo(FileSignatures.JPEG);
        assertThat(FileSignatures.detect(TestImages.encode("gif"))).isEqualTo(FileSignatures.GIF);
        assertThat(FileSignatures.detect(ascii("%PDF-1.7"))).isEqualTo("application/pdf");
    }

    @Test
    void markup_and_short_heads_unknown() {
        assertThat(FileSignatures.detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEqualTo(FileSignatures.UNKNOWN);
        assertThat(FileSignatures.detect(ascii("<!DOCTYPE html>"))).isEqualTo(FileSignatures.UNKNOWN);
        assertThat(FileSignatures.detect(ascii("GIF8"))).isEqualTo(FileSignatures.UNKNOWN);
        assertThat(FileSignatures.detect(new byte[0])).isEqualTo(FileSignatures.UNKNOWN);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
