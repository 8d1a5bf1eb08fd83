package org.nodepoint.admin;

import org.nodepoint.web.Chrome;

/** Shows a new pair of API keys once, right after they were generated. */
public record ApiKeysPage(Chrome chrome, String readKey, String writeKey) {
}
