package dev.microscout.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one tenancy rule: every entity with a {@code @TenantId} column is filtered by Hibernate to the
 * caller's organisation in every query, and stamped with it on insert. Resources that belong to an
 * organisation (audit events and webhook endpoints now; campaigns, shortlists, imports later) only need the
 * annotation; another organisation's rows simply do not exist for the caller (404, never 403).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class TenantScope implements TenantResolver {

    /** Matches no organisation: outside a request, or for an anonymous caller, no owned row is visible. */
    public static final String NONE = "00000000-0000-0000-0000-000000000000";

    @Override
    public String getDefaultTenantId() {
        return NONE;
    }

    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    /**
     * Runs start-up work (the demo's campaigns) as one organisation: the transactions it opens see and stamp that
     * organisation's rows, as its requests would.
     */
    public static <T> T actingFor(java.util.UUID organisationId, java.util.function.Supplier<T> work) {
        String before = ACTING.get();
        ACTING.set(organisationId.toString());
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    @Override
    public String resolveTenantId() {
        if (ACTING.get() != null) {
            return ACTING.get();
        }
        if (!Arc.container().requestContext().isActive()) {
            return NONE;
        }
        try (InstanceHandle<CurrentIdentityAssociation> association = Arc.container().instance(CurrentIdentityAssociation.class)) {
            if (!association.isAvailable()) {
                return NONE;
            }
            SecurityIdentity identity = association.get().getIdentity();
            String organisation = identity == null ? null : identity.getAttribute(ApiKeyIdentityProvider.ORGANISATION);
            return organisation == null ? NONE : organisation;
        }
    }
}
