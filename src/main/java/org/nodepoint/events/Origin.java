package org.nodepoint.events;

/** The way a change reached NodePoint; some reactions, such as the ticket resolution plugin, depend on it. */
public enum Origin {
    /** A form in the web interface. */
    WEB,
    /** A call of the legacy JSON API. */
    API,
    /** A bulk import from the command line. */
    IMPORT
}
