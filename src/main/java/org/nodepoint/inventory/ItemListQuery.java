package org.nodepoint.inventory;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nodepoint.text.UserText;

/**
 * The filters of the item list as the query string gives them: {@code status} (a stored status),
 * {@code type} and {@code q} (the start of a name or serial number). Unknown statuses and empty
 * values mean "all".
 */
public record ItemListQuery(String status, String type, String search) {
    /** Searches longer than this are cut, since no name or serial number is longer. */
    public static final int MAX_SEARCH_LENGTH = ItemRules.MAX_NAME_LENGTH;

    static ItemListQuery read(Context ctx) {
        String status = ItemStatus.parse(ctx.queryParam("status")).map(ItemStatus::stored).orElse("");
        String type = cut(UserText.singleLine(ctx.queryParam("type")), ItemTypes.MAX_LENGTH);
        String search = cut(UserText.singleLine(ctx.queryParam("q")), MAX_SEARCH_LENGTH);
        return new ItemListQuery(status, type, search);
    }

    ItemFilter filter() {
        return new ItemFilter(ItemStatus.parse(status).orElse(null), type.isEmpty() ? null : type, search.isEmpty() ? null : search);
    }

    /** Returns the filters as a query string for the page links, without the page number. */
    String queryString() {
        List<String> parameters = new ArrayList<>();
        add(parameters, "status", status);
        add(parameters, "type", type);
        add(parameters, "q", search);
        return String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (!value.isEmpty()) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}
