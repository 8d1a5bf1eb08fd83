package org.nodepoint.db;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** Recognises SQLITE_FULL among the causes and suppressed exceptions of a failed write. */
final class StorageFull {
    /** The primary result code of SQLITE_FULL. Extended result codes keep it in their low byte. */
    private static final int SQLITE_FULL = 13;

    private StorageFull() {
    }

    static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException sql && (sql.getErrorCode() & 0xFF) == SQLITE_FULL) {
                return true;
            }
            if (current.getCause() != null) {
                pending.push(current.getCause());
            }
            for (Throwable suppressed : current.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }
}
