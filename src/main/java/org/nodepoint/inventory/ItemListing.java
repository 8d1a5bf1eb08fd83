package org.nodepoint.inventory;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The filtered, paged item list. Each filter has an index that returns rows in name order
 * (items_status_name, items_type_name, items_name); a prefix search reads items_name and
 * items_serial and sorts the matches.
 */
final class ItemListing {
    private final ItemFilter filter;
    private final String today;

    ItemListing(ItemFilter filter, String today) {
        this.filter = filter;
        this.today = today;
    }

    ItemList read(Handle handle, long offset, int limit) {
        Query count = handle.createQuery(countSql());
        bindFilters(count);
        long total = count.mapTo(Long.class).one();
        Query page = handle.createQuery(pageSql());
        bindPage(page, offset, limit);
        List<ItemSummary> rows = page.mapTo(ItemSummary.class).list();
        return new ItemList(rows, total);
    }

    String countSql() {
        return "SELECT count(*) FROM items i" + where();
    }

    String pageSql() {
        return ItemDao.SUMMARY + where() + " ORDER BY i.name COLLATE NOCASE, i.id LIMIT :limit OFFSET :offset";
    }

    /** Binds the parameters of {@link #pageSql()}. */
    void bindPage(Query page, long offset, int limit) {
        page.bind("today", today).bind("limit", limit).bind("offset", offset);
        bindFilters(page);
    }

    private String where() {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("i.status = :status");
        }
        if (filter.type() != null) {
            conditions.add("i.type = :type");
        }
        if (filter.prefix() != null) {
            conditions.add("(i.name LIKE :prefix ESCAPE '!' OR i.serial LIKE :prefix ESCAPE '!')");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the filter parameters of {@link #countSql()} and {@link #pageSql()}. */
    void bindFilters(Query query) {
        if (filter.status() != null) {
            query.bind("status", filter.status().stored());
        }
        if (filter.type() != null) {
            query.bind("type", filter.type());
        }
        if (filter.prefix() != null) {
            query.bind("prefix", likePrefix(filter.prefix()));
        }
    }

    /**
     * Returns a LIKE pattern that matches values starting with the text, its own % and _ taken
     * literally. The escape character is "!" because Jdbi's statement parser treats a backslash
     * before a quote as part of the string.
     */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
