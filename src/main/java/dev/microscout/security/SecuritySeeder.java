package dev.microscout.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Creates the operators' organisation with the bootstrap key, and in dev/demo/test a demo organisation with keys. */
@ApplicationScoped
public class SecuritySeeder {

    private static final Logger LOG = Logger.getLogger(SecuritySeeder.class);
    /** Held while seeding (a transaction-level advisory lock): instances started together seed one after the other. */
    private static final long SEED_LOCK = 0x6d73_6565_6473L;

    @Inject
    SecurityConfig config;
    @Inject
    OrganisationService organisations;

    @Transactional
    void seed(@Observes @Priority(10) StartupEvent event) {
        // Several instances starting on an empty database (a Kubernetes Deployment's replicas) would each create the
        // operators' organisation, and all but one fail to start: the second to take the lock finds the first's.
        Organisation.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(:key)")
                .setParameter("key", SEED_LOCK).getSingleResult();
        Optional<String> bootstrap = config.bootstrapKey();
        boolean generated = false;
        if (bootstrap.isEmpty() && config.generateBootstrapKey() && Organisation.count("operator", true) == 0) {
            bootstrap = Optional.of(ApiKeyFormat.generate());
            generated = true;
        }
        if (bootstrap.isPresent()) {
            installBootstrapKey(bootstrap.get(), generated);
        }
        seedDemoOrganisation();
    }

    /** Makes {@code key} the operators' bootstrap key; the one it replaces is revoked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void installBootstrapKey(String key, boolean generated) {
        Organisation operators = Organisation.<Organisation>find("operator", true).firstResult();
        if (operators == null) {
            operators = organisations.createOrganisation("Microscout operators", true);
        }
        if (ensureKey(operators, key, Role.ADMIN, "Bootstrap key", true)) {
            // A configured key came from a secret store and is never logged; a generated one (dev and demo
            // only) has nowhere else to be read from.
            LOG.infof("Bootstrap (operator) API key: %s", generated && mayPrintSecrets() ? key : ApiKeyFormat.masked(key));
        }
        revokeOtherBootstrapKeys(ApiKeyFormat.prefixOf(key));
    }

    private void seedDemoOrganisation() {
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
        boolean created = ensureKey(organisation, viewer, Role.VIEWER, "Demo viewer", false);
        created |= ensureKey(organisation, editor, Role.EDITOR, "Demo editor", false);
        created |= ensureKey(organisation, admin, Role.ADMIN, "Demo admin", false);
        if (created && !mayPrintSecrets()) {
            LOG.infof("Demo organisation \"%s\" created with keys %s, %s and %s", demo.name(),
                    ApiKeyFormat.masked(viewer), ApiKeyFormat.masked(editor), ApiKeyFormat.masked(admin));
        } else if (created) {
            LOG.infof("""
                    Demo organisation "%s" — API keys (send as X-API-Key, or use Authorize in the Swagger UI):
                        VIEWER  %s
                        EDITOR  %s
                        ADMIN   %s""", demo.name(), viewer, editor, admin);
        }
    }

    /** A new bootstrap key replaces the old one: the key it replaces stops working at this start. */
    private void revokeOtherBootstrapKeys(String currentPrefix) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<ApiKey> previous = ApiKey.list("bootstrap = true and revokedAt is null and prefix <> ?1", currentPrefix);
        for (ApiKey old : previous) {
            old.revokedAt = now;
            LOG.infof("Bootstrap key %s revoked: the configured bootstrap key changed", ApiKeyFormat.masked(old.prefix));
        }
    }

    /** Secrets reach the log only in runs made to be tried out (dev, demo, test), never in the prod profile. */
    private static boolean mayPrintSecrets() {
        return !ConfigUtils.getProfiles().contains("prod");
    }

    private boolean ensureKey(Organisation organisation, String key, Role role, String name, boolean bootstrap) {
        String prefix = ApiKeyFormat.prefixOf(key);
        if (prefix == null) {
            throw new IllegalStateException("Configured key for " + name + " is malformed: expected msk_ + 8 characters + _ + at least 32 characters");
        }
        if (ApiKey.count("prefix", prefix) > 0) {
            return false;
        }
        organisations.storeKey(organisation.id, key, role, name).bootstrap = bootstrap;
        return true;
    }
}
