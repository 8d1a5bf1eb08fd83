package org.nodepoint.sharedfiles;

import org.nodepoint.web.Chrome;

/** The page that shows a new download link once, after an upload ({@code uploaded}) or after a relink. */
public record LinkPage(Chrome chrome, NewLink link, boolean uploaded) {
}
