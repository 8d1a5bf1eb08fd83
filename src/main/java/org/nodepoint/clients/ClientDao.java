package org.nodepoint.clients;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.nodepoint.text.UserText;

@RegisterConstructorMapper(Client.class)
@RegisterConstructorMapper(ClientItem.class)
interface ClientDao {
    String COLUMNS = "id, name, status, contact, notes, created_at, updated_at, version";

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE id = :id")
    Optional<Client> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE name_key = :nameKey")
    Optional<Client> findByNameKey(@Bind("nameKey") String nameKey);

    /** Finds a client by name as products are found: without regard to letter case, spacing and compatibility forms. */
    default Optional<Client> findByName(String name) {
        return findByNameKey(UserText.nameKey(name));
    }

    // The unfiltered directory reads the unique index on name_key, the filtered one clients_status_name.
    @SqlQuery("SELECT " + COLUMNS + " FROM clients ORDER BY name_key, id LIMIT :limit OFFSET :offset")
    List<Client> listPage(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE status = :status ORDER BY name_key, id LIMIT :limit OFFSET :offset")
    List<Client> listPageByStatus(@Bind("status") String status, @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM clients")
    long count();

    @SqlQuery("SELECT count(*) FROM clients WHERE status = :status")
    long countByStatus(@Bind("status") String status);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE status <> 'Closed' ORDER BY name_key, id")
    List<Client> listOpen();

    @SqlQuery("SELECT " + COLUMNS + " FROM clients ORDER BY id")
    List<Client> listAll();

    @SqlUpdate("INSERT INTO clients (name, name_key, status, contact, notes, created_at) "
            + "VALUES (:name, :nameKey, :status, :contact, :notes, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("nameKey") String nameKey, @Bind("status") String status,
            @Bind("contact") String contact, @Bind("notes") String notes, @Bind("createdAt") long createdAt);

    /** Updates the client if it is still at {@code version}; returns the number of rows changed (0 when stale or missing). */
    @SqlUpdate("UPDATE clients SET name = :name, name_key = :nameKey, status = :status, contact = :contact, notes = :notes, "
            + "updated_at = :updatedAt, version = version + 1 WHERE id = :id AND version = :version")
    int update(@Bind("id") long id, @Bind("version") long version, @Bind("name") String name, @Bind("nameKey") String nameKey,
            @Bind("status") String status, @Bind("contact") String contact, @Bind("notes") String notes,
            @Bind("updatedAt") long updatedAt);

    @SqlUpdate("DELETE FROM clients WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlQuery("SELECT count(*) FROM client_events WHERE client_id = :clientId")
    long countEvents(@Bind("clientId") long clientId);

    @SqlQuery("SELECT count(*) FROM ticket_billing WHERE client_id = :clientId")
    long countBillableTickets(@Bind("clientId") long clientId);

    @SqlQuery("SELECT id, name, type, serial, status FROM items WHERE client_id = :clientId ORDER BY id LIMIT :limit")
    List<ClientItem> listItems(@Bind("clientId") long clientId, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM items WHERE client_id = :clientId")
    long countItems(@Bind("clientId") long clientId);
}
