package org.nodepoint.clients;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/**
 * The clients directory: one page of clients, the status filter ("" for all), and for level 5 the
 * form that adds a client, with the values and errors to show in it.
 */
public record ClientListPage(Chrome chrome, List<Client> clients, Paging paging, String status, boolean canSeeDetails, boolean canManage,
        ClientForm form, FieldErrors errors) {

    public List<ClientStatus> statuses() {
        return ClientStatus.all();
    }

    public boolean isFiltered() {
        return !status.isEmpty();
    }
}
