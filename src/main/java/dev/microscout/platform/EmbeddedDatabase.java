package dev.microscout.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL per JVM. The JDBC URL is kept in a system property so that a dev-mode
 * hot reload (new class loader, same JVM) reuses the running server instead of starting another.
 */
public record EmbeddedDatabase(String jdbcUrl, String dataDirectory) {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final String RUNNING_URL = "microscout.embedded-postgres.running-url";
    private static final String RUNNING_DIR = "microscout.embedded-postgres.running-dir";

    static synchronized EmbeddedDatabase start(String directory, boolean fresh) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return new EmbeddedDatabase(running, System.getProperty(RUNNING_DIR));
        }
        Path base = Path.of(directory).toAbsolutePath();
        Path data = base.resolve("data");
        try {
            if (fresh) {
                deleteRecursively(data);
            }
            Files.createDirectories(base.resolve("bin"));
            // The binaries are unpacked here instead of /tmp, so nothing outlives the project folder.
            System.setProperty("ot.epg.working-dir", base.resolve("bin").toString());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "512MB")
                    // A bulk import writes gigabytes of WAL: checkpoints paced by time rather than by WAL volume
                    // write each page's full image once per checkpoint instead of every few seconds.
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    // The ranked search sorts and counts thousands of candidates per brief: keep that in memory.
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("fsync", fresh ? "off" : "on")
                    .setServerConfig("synchronous_commit", fresh ? "off" : "on")
                    .start();
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            System.setProperty(RUNNING_URL, url);
            System.setProperty(RUNNING_DIR, data.toString());
            return new EmbeddedDatabase(url, data.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + base, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
