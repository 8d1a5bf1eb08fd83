package org.nodepoint.home;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.users.Viewer;

/** The home page panels that each user chose to hide, such as the getting-started panel. */
public final class HiddenPanels {
    /** The name under which the getting-started panel is stored. */
    public static final String GETTING_STARTED = "getting_started";

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final Clock clock;

    public HiddenPanels(Database database, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.clock = clock;
    }

    /** True when the signed-in viewer hid the panel. A guest has hidden nothing. */
    public boolean isHidden(Viewer viewer, String panel) {
        if (!viewer.isSignedIn()) {
            return false;
        }
        return read.withHandle(handle -> handle.createQuery("SELECT count(*) FROM hidden_home_panels WHERE user_id = :userId AND panel = :panel")
                .bind("userId", viewer.userId())
                .bind("panel", panel)
                .mapTo(Integer.class)
                .one()) > 0;
    }

    /** Hides the panel for the signed-in viewer. Hiding it again changes nothing. */
    public void hide(Viewer viewer, String panel) {
        writer.useTransaction(handle -> handle.createUpdate(
                        "INSERT INTO hidden_home_panels (user_id, panel, hidden_at) VALUES (:userId, :panel, :now) ON CONFLICT DO NOTHING")
                .bind("userId", viewer.userId())
                .bind("panel", panel)
                .bind("now", clock.millis())
                .execute());
    }
}
