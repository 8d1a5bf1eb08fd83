package org.nodepoint.sharedfiles;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The page that asks to confirm the deletion of a shared file. */
public record FileDeletePage(Chrome chrome, SharedFile file, FieldErrors errors) {
}
