package org.nodepoint.clients;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The edit form of a client, with the version that it was loaded at. */
public record ClientFormPage(Chrome chrome, long clientId, long version, ClientForm form, FieldErrors errors) {
    public List<ClientStatus> statuses() {
        return ClientStatus.all();
    }
}
