package org.nodepoint.clients;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The confirmation step before a client is deleted: what goes with it. */
public record ClientDeletePage(Chrome chrome, ClientService.ClientDeletion deletion, FieldErrors errors) {
}
