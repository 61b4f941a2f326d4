package dev.microscout.security;

import dev.microscout.common.NotFound;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The organisation and key behind the current request. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public UUID organisationId() {
        String id = identity.getAttribute(ApiKeyIdentityProvider.ORGANISATION);
        return id == null ? null : UUID.fromString(id);
    }

    public String keyPrefix() {
        return identity.getAttribute(ApiKeyIdentityProvider.KEY_PREFIX);
    }

    /** The id of the API key behind the request (api_key.id); null for an anonymous caller. */
    public UUID keyId() {
        String id = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        return id == null ? null : UUID.fromString(id);
    }

    public boolean isOperator() {
        return identity.hasRole(Role.OPERATOR_ROLE);
    }

    /**
     * The tenancy rule for resources addressed by organisation id: the caller's own organisation, or any for
     * the operator. Another organisation's id is answered exactly like one that does not exist.
     */
    public void requireOwnOrganisation(UUID organisationId) {
        if (!isOperator() && !organisationId.equals(organisationId())) {
            throw new NotFound("Organisation", organisationId);
        }
    }
}
