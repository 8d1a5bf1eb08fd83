package org.nodepoint.clients;

/** A client as typed into the add or edit form, before it is checked. */
public record ClientForm(String name, String status, String contact, String notes) {
    public static ClientForm blank() {
        return new ClientForm("", ClientStatus.PROSPECT.label(), "", "");
    }

    public static ClientForm of(Client client) {
        return new ClientForm(client.name(), client.status(), client.contact(), client.notes());
    }
}
