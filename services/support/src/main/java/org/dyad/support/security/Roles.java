package org.dyad.support.security;

/**
 * Dyad's roles. Each includes the ones below it: an admin may do what an analyst does, an analyst what a viewer
 * does.
 */
public final class Roles {

    /** Reads the views and the live feed. */
    public static final String VIEWER = "viewer";
    /** Records and corrects facts. */
    public static final String ANALYST = "analyst";
    /** Imports, rebuilds, dead letters, operations. */
    public static final String ADMIN = "admin";

    static final String HIERARCHY = "ROLE_" + ADMIN + " > ROLE_" + ANALYST + "\nROLE_" + ANALYST + " > ROLE_" + VIEWER;

    private Roles() {
    }
}
