package org.nodepoint.web;

/**
 * One page of a list: which page, its size, the total count, and the query string of the list's
 * other parameters so that page links keep the filters. {@code parameter} names the page
 * parameter, which differs from "page" when one screen pages two lists.
 */
public record Paging(int page, int pageSize, long total, String query, String parameter) {
    public Paging(int page, int pageSize, long total, String query) {
        this(page, pageSize, total, query, "page");
    }

    public static int parsePage(String text) {
        try {
            return Math.max(1, Integer.parseInt(text == null ? "1" : text.strip()));
        } catch (NumberFormatException invalid) {
            return 1;
        }
    }

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount();
    }

    /** Returns the 1-based number of the page's first row, or 0 when the page is past the last row. */
    public long firstRow() {
        return offset() >= total ? 0 : offset() + 1;
    }

    public long lastRow() {
        return offset() >= total ? 0 : Math.min(total, offset() + pageSize);
    }

    public String link(int target) {
        return "?" + (query.isEmpty() ? "" : query + "&") + parameter + "=" + target;
    }
}
