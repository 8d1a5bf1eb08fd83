package org.nodepoint.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small real images, encoded by the JDK's ImageIO, for upload tests. */
public final class TestImages {
    private TestImages() {
    }

    /** Returns a 2 x 2 image in the format ImageIO names "png", "jpg" or "gif". */
    public static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalArgumentException("ImageIO has no writer for " + format);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return bytes.toByteArray();
    }

    public static byte[] png() {
        return encode("png");
    }
}
