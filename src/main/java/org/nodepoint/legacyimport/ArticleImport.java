package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.Optional;
import org.nodepoint.text.UserText;

/** Imports 1.x's support articles (table kb), their ticket links and users' favourite articles. Article ids stay the 1.x rowids. */
final class ArticleImport {
    private ArticleImport() {
    }

    static void run(ImportContext context) throws SQLException {
        context.each("kb", (row, report) -> importArticle(context, row, report));
        context.each("kblink", (row, report) -> importLink(context, row, report));
        context.each("subscribe", (row, report) -> importFavourite(context, row, report));
    }

    private static void importArticle(ImportContext context, LegacyRow row, TableReport report) {
        Long product = row.number("productid");
        if (product != null && product != 0 && !context.exists("products", product)) {
            report.skip("product " + row.raw("productid") + " does not exist");
            return;
        }
        context.handle.createUpdate("INSERT INTO articles (id, product_id, title, body, published, created_by, created_at, updated_at) "
                        + "VALUES (:id, :product, :title, :body, :published, :by, :created, :updated)")
                .bind("id", row.rowid())
                .bind("product", product == null || product == 0 ? null : product)
                .bind("title", UserText.singleLine(row.text("title")))
                .bind("body", UserText.multiLine(row.text("article")))
                .bind("published", Long.valueOf(1).equals(row.number("published")) ? 1 : 0)
                .bind("by", context.users.resolve(row.raw("createdby"), context.report(UserIds.PLACEHOLDERS)))
                .bind("created", context.requiredTime(row, "created", report))
                .bind("updated", context.optionalTime(row, "modified", report).orElse(null))
                .execute();
        context.added("articles", row.rowid());
        report.imported();
    }

    private static void importLink(ImportContext context, LegacyRow row, TableReport report) {
        Long ticket = row.number("ticketid");
        Long article = row.number("kb");
        if (ticket == null || !context.exists("tickets", ticket)) {
            report.skip("ticket " + row.raw("ticketid") + " does not exist");
            return;
        }
        if (article == null || !context.exists("articles", article)) {
            report.skip("article " + row.raw("kb") + " does not exist");
            return;
        }
        int added = context.handle.createUpdate("INSERT OR IGNORE INTO article_tickets (article_id, ticket_id, linked_by, linked_at) "
                        + "VALUES (:article, :ticket, :by, :at)")
                .bind("article", article).bind("ticket", ticket).bind("by", context.users.systemId()).bind("at", context.now).execute();
        if (added == 0) {
            report.skip("the article is already linked to the ticket");
            return;
        }
        report.imported();
    }

    private static void importFavourite(ImportContext context, LegacyRow row, TableReport report) {
        Optional<Long> user = context.users.find(row.raw("user"));
        Long article = row.number("articleid");
        if (user.isEmpty()) {
            report.skip("user does not exist");
            return;
        }
        if (article == null || !context.exists("articles", article)) {
            report.skip("article " + row.raw("articleid") + " does not exist");
            return;
        }
        int added = context.handle.createUpdate("INSERT OR IGNORE INTO article_favourites (user_id, article_id) VALUES (:user, :article)")
                .bind("user", user.get()).bind("article", article).execute();
        if (added == 0) {
            report.skip("the article is already a favourite of the user");
            return;
        }
        report.imported();
    }
}
