package org.nodepoint.web;

import java.util.List;

/** An error shown as a page: status, message and, for a server error, the id to quote in a report. */
public record ErrorPage(Chrome chrome, int status, String titleKey, String message, List<String> details, String errorId) {
}
