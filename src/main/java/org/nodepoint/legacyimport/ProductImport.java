package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.nodepoint.text.UserText;
import org.nodepoint.uploads.StoredFile;

/** Imports 1.x's products with their images, releases and auto-assignment lists. Product ids stay the 1.x rowids. */
final class ProductImport {
    private static final Set<String> VISIBILITIES = Set.of("Public", "Private", "Restricted", "Archived");
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");

    private ProductImport() {
    }

    static void run(ImportContext context) throws SQLException {
        Set<String> nameKeys = new HashSet<>();
        context.each("products", (row, report) -> importProduct(context, row, report, nameKeys));
        context.each("releases", (row, report) -> importRelease(context, row, report));
        context.each("autoassign", (row, report) -> importAutoAssignee(context, row, report));
    }

    private static void importProduct(ImportContext context, LegacyRow row, TableReport report, Set<String> nameKeys) {
        String name = UserText.singleLine(row.text("name"));
        if (name.isEmpty()) {
            name = "Product " + row.rowid();
            report.repair("name is empty; named 'Product <id>'");
        }
        if (!nameKeys.add(UserText.nameKey(name))) {
            name = name + " (" + row.rowid() + ")";
            nameKeys.add(UserText.nameKey(name));
            report.repair("name already used by another product; the id is appended in brackets");
        }
        String visibility = row.raw("vis").strip();
        if (!VISIBILITIES.contains(visibility)) {
            visibility = "Private";
            report.repair("visibility is not Public, Private, Restricted or Archived; set to Private");
        }
        context.handle.createUpdate("INSERT INTO products (id, name, name_key, model, description, visibility, created_at, updated_at) "
                        + "VALUES (:id, :name, :key, :model, :description, :visibility, :created, :updated)")
                .bind("id", row.rowid()).bind("name", name).bind("key", UserText.nameKey(name))
                .bind("model", row.text("model")).bind("description", row.text("description"))
                .bind("visibility", visibility)
                .bind("created", context.requiredTime(row, "created", report))
                .bind("updated", context.optionalTime(row, "modified", report).orElse(null))
                .execute();
        context.added("products", row.rowid());
        report.imported();
        importImage(context, row);
    }

    /** Copies the product's screenshot, which our product pages show when it is a PNG, JPEG or GIF file. */
    private static void importImage(ImportContext context, LegacyRow row) {
        String screenshot = row.raw("screenshot").strip();
        if (screenshot.isEmpty()) {
            return;
        }
        TableReport report = context.report("products.screenshot (files)");
        report.read();
        Optional<StoredFile> stored = context.uploads.copy(screenshot, screenshot);
        if (stored.isEmpty()) {
            report.skip("file is missing from the 1.x upload folder");
            return;
        }
        if (!IMAGE_TYPES.contains(stored.get().contentType())) {
            report.skip("file is not a PNG, JPEG or GIF image");
            return;
        }
        context.handle.createUpdate("INSERT INTO product_images (product_id, stored_name, size_bytes, content_type, sha256, uploaded_by, created_at) "
                        + "VALUES (:product, :stored, :size, :type, :sha256, :by, :at)")
                .bind("product", row.rowid()).bind("stored", stored.get().storedName()).bind("size", stored.get().size())
                .bind("type", stored.get().contentType()).bind("sha256", stored.get().sha256())
                .bind("by", context.users.systemId()).bind("at", context.now)
                .execute();
        report.imported();
    }

    private static void importRelease(ImportContext context, LegacyRow row, TableReport report) {
        Long product = row.number("productid");
        if (product == null || !context.exists("products", product)) {
            report.skip("product " + row.raw("productid") + " does not exist");
            return;
        }
        String version = UserText.singleLine(row.text("version"));
        boolean duplicate = context.handle.createQuery("SELECT 1 FROM releases WHERE product_id = :product AND version = :version")
                .bind("product", product).bind("version", version).mapTo(Integer.class).findOne().isPresent();
        if (duplicate) {
            report.skip("the product already has a release with this version");
            return;
        }
        context.handle.createUpdate("INSERT INTO releases (id, product_id, version, notes, created_by, created_at) "
                        + "VALUES (:id, :product, :version, :notes, :by, :created)")
                .bind("id", row.rowid()).bind("product", product).bind("version", version).bind("notes", row.text("notes"))
                .bind("by", context.users.resolve(row.raw("releasedby"), context.report(UserIds.PLACEHOLDERS)))
                .bind("created", context.requiredTime(row, "created", report))
                .execute();
        report.imported();
    }

    private static void importAutoAssignee(ImportContext context, LegacyRow row, TableReport report) {
        Long product = row.number("productid");
        Optional<Long> user = context.users.find(row.raw("user"));
        if (product == null || !context.exists("products", product)) {
            report.skip("product " + row.raw("productid") + " does not exist");
            return;
        }
        if (user.isEmpty()) {
            report.skip("user does not exist");
            return;
        }
        int added = context.handle.createUpdate("INSERT OR IGNORE INTO product_auto_assignees (product_id, user_id, created_at) VALUES (:product, :user, :at)")
                .bind("product", product).bind("user", user.get()).bind("at", context.now).execute();
        if (added == 0) {
            report.skip("the user is already auto-assigned to the product");
            return;
        }
        report.imported();
    }
}
