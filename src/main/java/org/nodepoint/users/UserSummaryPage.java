package org.nodepoint.users;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** A user's summary; the management forms show only when the viewer may manage this account. */
public record UserSummaryPage(Chrome chrome, UserSummary summary, boolean canManage, int maxGrantableLevel, FieldErrors errors) {
    public User user() {
        return summary.user();
    }
}
