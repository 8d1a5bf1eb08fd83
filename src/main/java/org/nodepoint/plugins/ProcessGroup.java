package org.nodepoint.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the live processes of a plugin run in /proc, where Linux lists every process with its
 * process group, session and state. setsid(1) makes the run's shell the leader of a new session
 * and of a new process group, both numbered with the shell's process id. A process that moves to
 * another group with setpgid(2) stays in the session, so a member is a process of either. A
 * zombie has exited and only waits for its parent to collect its exit code, so it does not count
 * as live.
 */
final class ProcessGroup {
    private static final Path PROC = Path.of("/proc");
    private static final boolean SUPPORTED = Files.isReadable(PROC.resolve("self/stat"));

    private ProcessGroup() {
    }

    /** True when a process of the group or session is still live; call it only when {@link #isSupported()}. */
    static boolean hasLiveMembers(long groupId) {
        try {
            return !liveMembers(groupId).isEmpty();
        } catch (IOException unreadable) {
            // Assume the worst, so that the caller sends the kill signal.
            return true;
        }
    }

    /**
     * Returns the process ids of the live processes whose process group or session is
     * {@code groupId}; call it only when {@link #isSupported()}.
     */
    static List<Long> liveMembers(long groupId) throws IOException {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, ProcessGroup::isProcessFolder)) {
            for (Path process : processes) {
                if (isLiveMember(process, groupId)) {
                    members.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        }
        return members;
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
     * Reads /proc/PID/stat: "PID (COMMAND) STATE PPID PGRP SESSION ...". The command may contain
     * spaces and parentheses, so the fields are counted from the last closing parenthesis.
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
        String id = Long.toString(groupId);
        return (fields[2].equals(id) || fields[3].equals(id)) && state != 'Z' && state != 'X';
    }
}
