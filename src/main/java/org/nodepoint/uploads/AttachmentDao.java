package org.nodepoint.uploads;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Attachment.class)
interface AttachmentDao {
    String COLUMNS = "id, ticket_id, comment_id, original_name, stored_name, size_bytes, content_type, sha256, uploaded_by, created_at";

    @SqlUpdate("INSERT INTO attachments (ticket_id, comment_id, original_name, stored_name, size_bytes, content_type, sha256, "
            + "uploaded_by, created_at) VALUES (:ticketId, :commentId, :originalName, :storedName, :size, :contentType, :sha256, "
            + ":uploadedBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("ticketId") long ticketId, @Bind("commentId") Long commentId, @Bind("originalName") String originalName,
            @Bind("storedName") String storedName, @Bind("size") long size, @Bind("contentType") String contentType,
            @Bind("sha256") String sha256, @Bind("uploadedBy") long uploadedBy, @Bind("createdAt") long createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM attachments WHERE id = :id")
    Optional<Attachment> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM attachments WHERE ticket_id = :ticketId ORDER BY comment_id, id")
    List<Attachment> listByTicket(@Bind("ticketId") long ticketId);
}
