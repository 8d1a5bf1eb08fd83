package org.nodepoint.uploads;

import java.io.InputStream;

/** An open attachment for a response: its original name, its size in bytes and its content, which the caller closes. */
public record Download(String name, long size, InputStream content) {
}
