package dev.microscout.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Tells the person who started the service where to go: the Swagger UI, and where the embedded database keeps its data. */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @ConfigProperty(name = "microscout.embedded-postgres.data-directory")
    Optional<String> embeddedData;

    void announce(@Observes @Priority(1000) StartupEvent event) {
        embeddedData.ifPresent(dir -> LOG.infof("Embedded PostgreSQL keeps its data in %s", dir));
        LOG.infof("Swagger UI: http://localhost:%d/q/swagger-ui (use Authorize with an API key)", port);
    }
}
