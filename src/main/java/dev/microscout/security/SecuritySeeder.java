package dev.microscout.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Creates the operators' organisation with the bootstrap key, and in dev/demo/test a demo organisation with keys. */
@ApplicationScoped
public class SecuritySeeder {

    private static final Logger LOG = Logger.getLogger(SecuritySeeder.class);

    @Inject
    SecurityConfig config;
    @Inject
    OrganisationService organisations;

    @Transactional
    void seed(@Observes @Priority(10) StartupEvent event) {
        Optional<String> bootstrap = config.bootstrapKey();
        if (bootstrap.isEmpty() && config.generateBootstrapKey() && Organisation.count("operator", true) == 0) {
            bootstrap = Optional.of(ApiKeyFormat.generate());
        }
        bootstrap.ifPresent(key -> {
            Organisation operators = Organisation.<Organisation>find("operator", true).firstResult();
            if (operators == null) {
                operators = organisations.createOrganisation("Microscout operators", true);
            }
            if (ensureKey(operators, key, Role.ADMIN, "Bootstrap key")) {
                LOG.infof("Bootstrap (operator) API key: %s", key);
            }
        });
        SecurityConfig.DemoOrganisation demo = config.demoOrganisation();
        if (!demo.enabled()) {
            return;
        }
        Organisation organisation = Organisation.<Organisation>find("lower(name) = ?1", demo.name().toLowerCase()).firstResult();
        if (organisation != null && ApiKey.count("organisationId = ?1 and revokedAt is null", organisation.id) > 0
                && demo.adminKey().isEmpty()) {
            LOG.infof("Demo organisation \"%s\" exists; its keys were printed when it was created", demo.name());
            return;
        }
        if (organisation == null) {
            organisation = organisations.createOrganisation(demo.name(), false);
        }
        String viewer = demo.viewerKey().orElseGet(ApiKeyFormat::generate);
        String editor = demo.editorKey().orElseGet(ApiKeyFormat::generate);
        String admin = demo.adminKey().orElseGet(ApiKeyFormat::generate);
        boolean created = ensureKey(organisation, viewer, Role.VIEWER, "Demo viewer");
        created |= ensureKey(organisation, editor, Role.EDITOR, "Demo editor");
        created |= ensureKey(organisation, admin, Role.ADMIN, "Demo admin");
        if (created) {
            LOG.infof("""
                    Demo organisation "%s" — API keys (send as X-API-Key, or use Authorize in the Swagger UI):
                        VIEWER  %s
                        EDITOR  %s
                        ADMIN   %s""", demo.name(), viewer, editor, admin);
        }
    }

    private boolean ensureKey(Organisation organisation, String key, Role role, String name) {
        String prefix = ApiKeyFormat.prefixOf(key);
        if (prefix == null) {
            throw new IllegalStateException("Configured key for " + name + " is malformed: expected msk_ + 8 characters + _ + at least 32 characters");
        }
        if (ApiKey.count("prefix", prefix) > 0) {
            return false;
        }
        organisations.storeKey(organisation.id, key, role, name);
        return true;
    }
}
