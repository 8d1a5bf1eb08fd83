package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.nodepoint.forms.FieldType;
import org.nodepoint.text.UserText;

/**
 * Imports 1.x's custom ticket forms, the projects that use them and the default form. Form ids
 * stay the 1.x rowids. A 1.x form asked field0 as the title and built the description from the
 * replies to its other questions, so the imported form asks for a description under the plain label "Description".
 */
final class FormImport {
    static final String DESCRIPTION_QUESTION = "Description";
    private static final int LEGACY_FIELDS = 10;

    private FormImport() {
    }

    static void run(ImportContext context) throws SQLException {
        context.each("forms", (row, report) -> importForm(context, row, report));
        context.each("default_form", (row, report) -> importDefault(context, row, report));
    }

    private static void importForm(ImportContext context, LegacyRow row, TableReport report) {
        String name = UserText.singleLine(row.text("formname"));
        String titleQuestion = UserText.singleLine(row.text("field0"));
        long modified = context.requiredTime(row, "modified", report);
        context.handle.createUpdate("INSERT INTO ticket_forms (id, name, title_question, description_question, created_by, created_at) "
                        + "VALUES (:id, :name, :title, :description, :by, :at)")
                .bind("id", row.rowid()).bind("name", name.isEmpty() ? "Form " + row.rowid() : name)
                .bind("title", titleQuestion.isEmpty() ? "Title" : titleQuestion)
                .bind("description", DESCRIPTION_QUESTION)
                .bind("by", context.users.systemId()).bind("at", modified)
                .execute();
        context.added("ticket_forms", row.rowid());
        int position = 0;
        for (int field = 1; field < LEGACY_FIELDS; field++) {
            String question = UserText.singleLine(row.text("field" + field));
            if (question.isEmpty()) {
                continue;
            }
            position++;
            context.handle.createUpdate("INSERT INTO ticket_form_fields (form_id, position, question, type) VALUES (:form, :position, :question, :type)")
                    .bind("form", row.rowid()).bind("position", position).bind("question", question)
                    .bind("type", fieldType(row.number("field" + field + "type"), report).key())
                    .execute();
        }
        attachToProduct(context, row, report);
        report.imported();
    }

    private static FieldType fieldType(Long code, TableReport report) {
        Optional<FieldType> type = Arrays.stream(FieldType.values())
                .filter(candidate -> code != null && candidate.legacyCode() == code)
                .findFirst();
        if (type.isEmpty()) {
            report.repair("field type code is not 0 to 19; the question is asked as short text");
        }
        return type.orElse(FieldType.SHORT_TEXT);
    }

    /** Makes the form the project's form. 1.x kept one form per project, so a later form of the same project replaces an earlier one. */
    private static void attachToProduct(ImportContext context, LegacyRow row, TableReport report) {
        Long product = row.number("productid");
        if (product == null || product == 0) {
            return;
        }
        if (!context.exists("products", product)) {
            report.repair("product " + product + " does not exist; the form is imported without a project");
            return;
        }
        context.handle.createUpdate("INSERT OR REPLACE INTO product_forms (product_id, form_id) VALUES (:product, :form)")
                .bind("product", product).bind("form", row.rowid()).execute();
    }

    private static void importDefault(ImportContext context, LegacyRow row, TableReport report) {
        Long form = row.number("form");
        if (form == null || !context.exists("ticket_forms", form)) {
            report.skip("form " + row.raw("form") + " does not exist");
            return;
        }
        context.handle.createUpdate("UPDATE ticket_forms SET is_default = 0 WHERE is_default = 1").execute();
        context.handle.createUpdate("UPDATE ticket_forms SET is_default = 1 WHERE id = :id").bind("id", form).execute();
        report.imported();
    }
}
