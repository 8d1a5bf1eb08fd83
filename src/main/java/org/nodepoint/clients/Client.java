package org.nodepoint.clients;

/** A client or contact of the directory. {@code status} is a {@link ClientStatus} label. */
public record Client(long id, String name, String status, String contact, String notes, long createdAt, Long updatedAt, long version) {
    public ClientStatus statusValue() {
        return ClientStatus.parse(status).orElse(ClientStatus.CONTACT);
    }

    public boolean isClosed() {
        return statusValue() == ClientStatus.CLOSED;
    }
}
