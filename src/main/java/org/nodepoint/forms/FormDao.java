package org.nodepoint.forms;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(FormDao.FormRow.class)
@RegisterConstructorMapper(FormDao.FieldRow.class)
@RegisterConstructorMapper(FormSummary.class)
@RegisterConstructorMapper(TicketAnswer.class)
interface FormDao {
    String FORM_COLUMNS = "id, name, title_question, description_question, is_default, version, created_at, updated_at";

    /** A row of ticket_forms, without its fields. */
    record FormRow(long id, String name, String titleQuestion, String descriptionQuestion, boolean isDefault, long version,
            long createdAt, Long updatedAt) {
    }

    /** A row of ticket_form_fields with the type as stored. */
    record FieldRow(int position, String question, String type, boolean required) {
    }

    @SqlQuery("SELECT " + FORM_COLUMNS + " FROM ticket_forms WHERE id = :id")
    Optional<FormRow> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + FORM_COLUMNS + " FROM ticket_forms WHERE is_default = 1")
    Optional<FormRow> findDefault();

    @SqlQuery("SELECT form_id FROM product_forms WHERE product_id = :productId")
    Optional<Long> findFormIdOfProduct(@Bind("productId") long productId);

    @SqlQuery("SELECT position, question, type, required FROM ticket_form_fields WHERE form_id = :formId ORDER BY position")
    List<FieldRow> listFields(@Bind("formId") long formId);

    // The two counts use the primary key of ticket_form_fields and the index product_forms_form, once per row of the page.
    @SqlQuery("SELECT f.id, f.name, "
            + "(SELECT count(*) FROM ticket_form_fields x WHERE x.form_id = f.id) AS field_count, "
            + "(SELECT count(*) FROM product_forms p WHERE p.form_id = f.id) AS product_count, "
            + "f.is_default, f.created_at, f.updated_at "
            + "FROM ticket_forms f ORDER BY f.name COLLATE NOCASE, f.id LIMIT :limit OFFSET :offset")
    List<FormSummary> listSummaries(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM ticket_forms")
    long count();

    @SqlQuery("SELECT product_id FROM product_forms WHERE form_id = :formId ORDER BY product_id")
    List<Long> listProductIds(@Bind("formId") long formId);

    @SqlUpdate("INSERT INTO ticket_forms (name, title_question, description_question, created_by, created_at) "
            + "VALUES (:name, :titleQuestion, :descriptionQuestion, :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insertForm(@Bind("name") String name, @Bind("titleQuestion") String titleQuestion,
            @Bind("descriptionQuestion") String descriptionQuestion, @Bind("createdBy") long createdBy,
            @Bind("createdAt") long createdAt);

    /** Updates the form if it is still at {@code version}; returns the number of rows changed (0 when stale or missing). */
    @SqlUpdate("UPDATE ticket_forms SET name = :name, title_question = :titleQuestion, description_question = :descriptionQuestion, "
            + "updated_at = :updatedAt, version = version + 1 WHERE id = :id AND version = :version")
    int updateForm(@Bind("id") long id, @Bind("version") long version, @Bind("name") String name,
            @Bind("titleQuestion") String titleQuestion, @Bind("descriptionQuestion") String descriptionQuestion,
            @Bind("updatedAt") long updatedAt);

    @SqlUpdate("UPDATE ticket_forms SET is_default = 0 WHERE is_default = 1 AND id <> :id")
    void clearOtherDefault(@Bind("id") long id);

    @SqlUpdate("UPDATE ticket_forms SET is_default = :isDefault WHERE id = :id")
    void setDefault(@Bind("id") long id, @Bind("isDefault") boolean isDefault);

    @SqlUpdate("DELETE FROM ticket_form_fields WHERE form_id = :formId")
    void deleteFields(@Bind("formId") long formId);

    @SqlUpdate("INSERT INTO ticket_form_fields (form_id, position, question, type, required) "
            + "VALUES (:formId, :position, :question, :type, :required)")
    void insertField(@Bind("formId") long formId, @Bind("position") int position, @Bind("question") String question,
            @Bind("type") String type, @Bind("required") boolean required);

    @SqlUpdate("DELETE FROM ticket_forms WHERE id = :id")
    int deleteForm(@Bind("id") long id);

    /** Gives the product this form, replacing the form it had. */
    @SqlUpdate("INSERT INTO product_forms (product_id, form_id) VALUES (:productId, :formId) "
            + "ON CONFLICT (product_id) DO UPDATE SET form_id = excluded.form_id")
    void assign(@Bind("productId") long productId, @Bind("formId") long formId);

    @SqlUpdate("DELETE FROM product_forms WHERE product_id = :productId AND form_id = :formId")
    int unassign(@Bind("productId") long productId, @Bind("formId") long formId);

    /** Inserts an answer; {@code attachmentId} is null except for the answer to a file question. */
    @SqlUpdate("INSERT INTO ticket_answers (ticket_id, position, question, type, value, attachment_id) "
            + "VALUES (:ticketId, :position, :question, :type, :value, :attachmentId)")
    void insertAnswer(@Bind("ticketId") long ticketId, @Bind("position") int position, @Bind("question") String question,
            @Bind("type") String type, @Bind("value") String value, @Bind("attachmentId") Long attachmentId);

    @SqlUpdate("INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (:ticketId, :userId) ON CONFLICT DO NOTHING")
    void insertAssignee(@Bind("ticketId") long ticketId, @Bind("userId") long userId);

    @SqlQuery("SELECT position, question, type, value, attachment_id, NULL AS article_id FROM ticket_answers WHERE ticket_id = :ticketId "
            + "ORDER BY position")
    List<TicketAnswer> listAnswers(@Bind("ticketId") long ticketId);
}
