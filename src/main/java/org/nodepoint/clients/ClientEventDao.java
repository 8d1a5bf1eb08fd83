package org.nodepoint.clients;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ClientEvent.class)
interface ClientEventDao {
    String SELECT = "SELECT e.id, e.client_id, e.type, e.summary, e.notes, e.created_by, a.name AS created_by_name, e.created_at, "
            + "e.updated_by, u.name AS updated_by_name, e.updated_at, e.version FROM client_events e JOIN users a ON a.id = e.created_by "
            + "LEFT JOIN users u ON u.id = e.updated_by ";

    @SqlQuery(SELECT + "WHERE e.id = :id AND e.client_id = :clientId")
    Optional<ClientEvent> findById(@Bind("clientId") long clientId, @Bind("id") long id);

    // Newest first on the index client_events_client (client_id, created_at, id).
    @SqlQuery(SELECT + "WHERE e.client_id = :clientId ORDER BY e.created_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
    List<ClientEvent> listPage(@Bind("clientId") long clientId, @Bind("limit") int limit, @Bind("offset") long offset);

    /** Lists every event of the client, oldest first, for the legacy API. */
    @SqlQuery(SELECT + "WHERE e.client_id = :clientId ORDER BY e.created_at, e.id")
    List<ClientEvent> listAll(@Bind("clientId") long clientId);

    @SqlQuery("SELECT count(*) FROM client_events WHERE client_id = :clientId")
    long count(@Bind("clientId") long clientId);

    @SqlUpdate("INSERT INTO client_events (client_id, type, summary, notes, created_by, created_at) "
            + "VALUES (:clientId, :type, :summary, :notes, :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("clientId") long clientId, @Bind("type") String type, @Bind("summary") String summary,
            @Bind("notes") String notes, @Bind("createdBy") long createdBy, @Bind("createdAt") long createdAt);

    @SqlUpdate("UPDATE client_events SET type = :type, summary = :summary, notes = :notes, updated_by = :updatedBy, "
            + "updated_at = :updatedAt, version = version + 1 WHERE id = :id AND client_id = :clientId AND version = :version")
    int update(@Bind("clientId") long clientId, @Bind("id") long id, @Bind("version") long version, @Bind("type") String type,
            @Bind("summary") String summary, @Bind("notes") String notes, @Bind("updatedBy") long updatedBy,
            @Bind("updatedAt") long updatedAt);

    @SqlUpdate("DELETE FROM client_events WHERE id = :id AND client_id = :clientId")
    int delete(@Bind("clientId") long clientId, @Bind("id") long id);

    @SqlQuery("SELECT count(*) FROM clients WHERE id = :clientId")
    int countClient(@Bind("clientId") long clientId);
}
