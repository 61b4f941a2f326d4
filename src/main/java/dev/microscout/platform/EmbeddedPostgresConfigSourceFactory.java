package dev.microscout.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Supplies the datasource of an embedded PostgreSQL when the service runs in a profile that asks
 * for one ({@code microscout.embedded-postgres.enabled=true}: dev, test and demo) and no datasource
 * URL is configured. A configured {@code quarkus.datasource.jdbc.url} always wins, so the same
 * artifact runs against an external database in production.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!Boolean.parseBoolean(profiled(context, profiles, "microscout.embedded-postgres.enabled", "false"))) {
            return Collections.emptyList();
        }
        if (profiled(context, profiles, URL, null) != null) {
            return Collections.emptyList();
        }
        String dir = profiled(context, profiles, "microscout.embedded-postgres.directory", "target/microscout-db");
        boolean fresh = Boolean.parseBoolean(profiled(context, profiles, "microscout.embedded-postgres.fresh", "false"));
        EmbeddedDatabase db = EmbeddedDatabase.start(dir, fresh);
        return List.of(new PropertiesConfigSource(Map.of(
                URL, db.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.PASSWORD,
                "microscout.embedded-postgres.data-directory", db.dataDirectory()),
                "embedded-postgres", 275));
    }

    @Override
    public OptionalInt getPriority() {
        // Below system properties (400) and environment variables (300), above application.properties (250).
        return OptionalInt.of(275);
    }

    /** Reads a property honouring the active profiles, first profile winning, as Quarkus itself does. */
    private static String profiled(ConfigSourceContext context, List<String> profiles, String name, String fallback) {
        for (String profile : profiles) {
            ConfigValue value = context.getValue("%" + profile + "." + name);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                return value.getValue();
            }
        }
        ConfigValue value = context.getValue(name);
        if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
            return value.getValue();
        }
        return fallback;
    }
}
