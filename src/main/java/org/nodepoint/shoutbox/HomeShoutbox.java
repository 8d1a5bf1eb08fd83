package org.nodepoint.shoutbox;

import java.util.List;

/**
 * The home page's shoutbox panel: the newest visible messages, whether the viewer may post, and
 * whether they may delete messages. {@link #NONE} is the panel of a viewer who does not see it.
 */
public record HomeShoutbox(boolean shown, List<Shout> shouts, boolean canPost, boolean canDelete) {
    public static final HomeShoutbox NONE = new HomeShoutbox(false, List.of(), false, false);
}
