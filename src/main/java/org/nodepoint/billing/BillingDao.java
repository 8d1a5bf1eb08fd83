package org.nodepoint.billing;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(BillingDao.TermsRow.class)
interface BillingDao {
    /** A row of client_billing. */
    record TermsRow(String type, long rateCents, String currency) {
    }

    @SqlQuery("SELECT type, rate_cents, currency FROM client_billing WHERE client_id = :clientId")
    Optional<TermsRow> findTerms(@Bind("clientId") long clientId);

    @SqlUpdate("DELETE FROM client_billing WHERE client_id = :clientId")
    void deleteTerms(@Bind("clientId") long clientId);

    @SqlUpdate("INSERT INTO client_billing (client_id, type, rate_cents, currency, updated_by, updated_at) "
            + "VALUES (:clientId, :type, :rateCents, :currency, :updatedBy, :updatedAt)")
    void insertTerms(@Bind("clientId") long clientId, @Bind("type") String type, @Bind("rateCents") long rateCents,
            @Bind("currency") String currency, @Bind("updatedBy") long updatedBy, @Bind("updatedAt") long updatedAt);

    @SqlQuery("SELECT client_id FROM ticket_billing WHERE ticket_id = :ticketId")
    Optional<Long> findClientOfTicket(@Bind("ticketId") long ticketId);

    @SqlUpdate("DELETE FROM ticket_billing WHERE ticket_id = :ticketId")
    int deleteTicket(@Bind("ticketId") long ticketId);

    /** Makes the ticket billable to the client if the client exists and is not Closed; returns the number of rows added. */
    @SqlUpdate("INSERT INTO ticket_billing (ticket_id, client_id, created_by, created_at) "
            + "SELECT :ticketId, id, :createdBy, :createdAt FROM clients WHERE id = :clientId AND status <> 'Closed'")
    int insertTicketIfOpen(@Bind("ticketId") long ticketId, @Bind("clientId") long clientId, @Bind("createdBy") long createdBy,
            @Bind("createdAt") long createdAt);
}
