package dev.microscout.security;

import java.util.EnumSet;
import java.util.Set;

/** What an API key may do. Each role includes the ones before it. */
public enum Role {
    /** Read the catalogue and search. */
    VIEWER,
    /** Also write profiles, metrics, imports, campaigns and reviews. */
    EDITOR,
    /** Also manage keys, the taxonomy, incidents and webhooks of its organisation. */
    ADMIN;

    /** Role names for @RolesAllowed. OPERATOR belongs to the bootstrap key only: it creates organisations. */
    public static final String VIEWER_ROLE = "VIEWER";
    public static final String EDITOR_ROLE = "EDITOR";
    public static final String ADMIN_ROLE = "ADMIN";
    public static final String OPERATOR_ROLE = "OPERATOR";

    public Set<Role> included() {
        return EnumSet.range(VIEWER, this);
    }
}
