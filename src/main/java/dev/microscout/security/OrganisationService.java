package dev.microscout.security;

import dev.microscout.common.Conflict;
import dev.microscout.common.NotFound;
import dev.microscout.security.SecurityViews.ApiKeyCreate;
import dev.microscout.security.SecurityViews.ApiKeyCreated;
import dev.microscout.security.SecurityViews.ApiKeyView;
import dev.microscout.security.SecurityViews.OrganisationCreate;
import dev.microscout.security.SecurityViews.OrganisationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class OrganisationService {

    @Transactional
    public OrganisationView create(OrganisationCreate body) {
        return view(createOrganisation(body.name().trim(), false));
    }

    Organisation createOrganisation(String name, boolean operator) {
        if (Organisation.count("lower(name) = ?1", name.toLowerCase()) > 0) {
            throw new Conflict("An organisation named \"" + name + "\" already exists", "name", Map.of());
        }
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.name = name;
        organisation.operator = operator;
        organisation.createdAt = now();
        organisation.persist();
        return organisation;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganisationView get(UUID id) {
        return view(load(id));
    }

    @Transactional
    public ApiKeyCreated createKey(UUID organisationId, ApiKeyCreate body) {
        load(organisationId);
        String key = ApiKeyFormat.generate();
        ApiKey stored = storeKey(organisationId, key, body.role(), body.name().trim());
        return new ApiKeyCreated(stored.id, stored.prefix, stored.name, stored.role, stored.createdAt, key);
    }

    /** Stores a key as prefix and hash only. */
    ApiKey storeKey(UUID organisationId, String key, Role role, String name) {
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.organisationId = organisationId;
        apiKey.prefix = ApiKeyFormat.prefixOf(key);
        apiKey.keyHash = ApiKeyFormat.hash(key);
        apiKey.role = role;
        apiKey.name = name;
        apiKey.createdAt = now();
        apiKey.persist();
        return apiKey;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKeyView> keys(UUID organisationId) {
        load(organisationId);
        return ApiKey.<ApiKey>find("organisationId = ?1 order by createdAt, id", organisationId).list().stream()
                .map(k -> new ApiKeyView(k.id, k.prefix, k.name, k.role, k.createdAt, k.revokedAt))
                .toList();
    }

    @Transactional
    public void revoke(UUID organisationId, UUID keyId) {
        ApiKey key = ApiKey.<ApiKey>find("id = ?1 and organisationId = ?2", keyId, organisationId).firstResultOptional()
                .orElseThrow(() -> new NotFound("API key", keyId));
        if (key.revokedAt == null) {
            key.revokedAt = now();
        }
    }

    private static Organisation load(UUID id) {
        return Organisation.<Organisation>findByIdOptional(id).orElseThrow(() -> new NotFound("Organisation", id));
    }

    private static OrganisationView view(Organisation o) {
        return new OrganisationView(o.id, o.name, o.createdAt);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
