package org.nodepoint.operations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the entries of a zip file that a Unix zip tool marked as symbolic links. java.util.zip
 * does not expose an entry's file mode, so this reads the central directory. Its external
 * attributes carry the Unix mode in their upper 16 bits when the high byte of "version made by"
 * is 3 (Unix), which is how Info-ZIP and most Unix tools store a link.
 */
final class ZipLinks {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int END_RECORD_BYTES = 22;
    private static final int MAX_COMMENT_BYTES = 0xFFFF;
    private static final int UNIX_HOST = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMBOLIC_LINK = 0120000;

    private ZipLinks() {
    }

    /** Returns the names of the entries marked as symbolic links. Raises IOException for a file without a valid central directory. */
    static List<String> find(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long[] directory = centralDirectory(channel);
            ByteBuffer entries = read(channel, directory[0], Math.toIntExact(directory[1]));
            List<String> links = new ArrayList<>();
            while (entries.remaining() >= 46 && entries.getInt(entries.position()) == CENTRAL_HEADER_SIGNATURE) {
                int start = entries.position();
                int host = (entries.getShort(start + 4) >>> 8) & 0xFF;
                int nameBytes = entries.getShort(start + 28) & 0xFFFF;
                int extraBytes = entries.getShort(start + 30) & 0xFFFF;
                int commentBytes = entries.getShort(start + 32) & 0xFFFF;
                int mode = entries.getInt(start + 38) >>> 16;
                byte[] name = new byte[nameBytes];
                entries.get(start + 46, name);
                if (host == UNIX_HOST && (mode & FILE_TYPE_MASK) == SYMBOLIC_LINK) {
                    links.add(new String(name, StandardCharsets.UTF_8));
                }
                entries.position(start + 46 + nameBytes + extraBytes + commentBytes);
            }
            return links;
        }
    }

    /** Returns the offset and size of the central directory, from the zip64 record when the archive has one. */
    private static long[] centralDirectory(FileChannel channel) throws IOException {
        long size = channel.size();
        int tailBytes = (int) Math.min(size, END_RECORD_BYTES + MAX_COMMENT_BYTES);
        ByteBuffer tail = read(channel, size - tailBytes, tailBytes);
        for (int end = tailBytes - END_RECORD_BYTES; end >= 0; end--) {
            if (tail.getInt(end) != END_SIGNATURE) {
                continue;
            }
            long directorySize = tail.getInt(end + 12) & 0xFFFFFFFFL;
            long directoryOffset = tail.getInt(end + 16) & 0xFFFFFFFFL;
            long locator = size - tailBytes + end - 20;
            if (locator >= 0) {
                ByteBuffer zip64Locator = read(channel, locator, 20);
                if (zip64Locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
                    ByteBuffer zip64End = read(channel, zip64Locator.getLong(8), 56);
                    if (zip64End.getInt(0) == ZIP64_END_SIGNATURE) {
                        return new long[] {zip64End.getLong(48), zip64End.getLong(40)};
                    }
                }
            }
            return new long[] {directoryOffset, directorySize};
        }
        throw new IOException("no end of central directory record");
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || position + length > channel.size()) {
            throw new IOException("the central directory points outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file ends inside its central directory");
            }
        }
        return buffer.flip();
    }
}
