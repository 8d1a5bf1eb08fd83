package org.nodepoint.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Recognises file types by their leading bytes (magic numbers), never by the name or by the type
 * that the client declared. Types not listed here are {@code application/octet-stream}.
 */
public final class FileSignatures {
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String UNKNOWN = "application/octet-stream";
    /** The image types that projects may show. SVG is not one, because it may contain scripts. */
    public static final Set<String> IMAGES = Set.of(PNG, JPEG, GIF);
    /** The number of leading bytes that {@link #detect} needs. */
    static final int HEAD_LENGTH = 8;

    private record Signature(String contentType, byte[] prefix) {
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature(PNG, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
            new Signature(JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            new Signature(GIF, ascii("GIF87a")),
            new Signature(GIF, ascii("GIF89a")),
            new Signature("application/pdf", ascii("%PDF-")),
            new Signature("application/zip", new byte[] {'P', 'K', 3, 4}),
            new Signature("application/gzip", new byte[] {0x1F, (byte) 0x8B}));

    private FileSignatures() {
    }

    /** Returns the content type that the file's first bytes show, or {@link #UNKNOWN}. */
    public static String detect(byte[] head) {
        for (Signature signature : SIGNATURES) {
            byte[] prefix = signature.prefix();
            if (head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length)) {
                return signature.contentType();
            }
        }
        return UNKNOWN;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
