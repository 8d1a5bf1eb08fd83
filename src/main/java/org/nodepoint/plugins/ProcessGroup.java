package org.nodepoint.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the live processes of a process group in /proc, where Linux lists every process with its
 * group and state. A zombie has exited and only waits for its parent to collect its exit code, so
 * it does not count as live.
 */
final class ProcessGroup {
    private static final Path PROC = Path.of("/proc");
    private static final boolean SUPPORTED = Files.isReadable(PROC.resolve("self/stat"));

    private ProcessGroup() {
    }

    /** True when a process of the group is still live; call it only when {@link #isSupported()}. */
    static boolean hasLiveMembers(long groupId) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, ProcessGroup::isProcessFolder)) {
            for (Path process : processes) {
                if (isLiveMember(process, groupId)) {
                    return true;
                }
            }
            return false;
        } catch (IOException unreadable) {
            // Assume the worst, so that the caller sends the kill signal.
            return true;
        }
    }

    /** True when /proc is readable. Without it, whether a group has ended cannot be checked. */
    static boolean isSupported() {
        return SUPPORTED;
    }

    private static boolean isProcessFolder(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /**
     * Reads /proc/PID/stat: "PID (COMMAND) STATE PPID PGRP ...". The command may contain spaces and
     * parentheses, so the fields are counted from the last closing parenthesis.
     */
    private static boolean isLiveMember(Path process, long groupId) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"));
        } catch (IOException exitedMeanwhile) {
            return false;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        char state = fields[0].charAt(0);
        return fields[2].equals(Long.toString(groupId)) && state != 'Z' && state != 'X';
    }
}
