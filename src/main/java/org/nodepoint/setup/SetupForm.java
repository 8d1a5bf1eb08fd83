package org.nodepoint.setup;

/**
 * First-run settings, from the setup page or the {@code init} command. Empty API keys are
 * generated.
 */
public record SetupForm(
        String adminName,
        String adminPassword,
        String adminPasswordAgain,
        String siteName,
        String ticketVisibility,
        boolean allowRegistrations,
        boolean guestTickets,
        String apiReadKey,
        String apiWriteKey) {
}
