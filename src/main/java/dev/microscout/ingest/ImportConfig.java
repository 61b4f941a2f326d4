package dev.microscout.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "microscout.imports")
public interface ImportConfig {

    /** Where uploaded files wait for their job (and stay until it ends, so that a restarted service resumes it). */
    @WithDefault("${java.io.tmpdir}/microscout-imports")
    String directory();

    /** The largest file accepted. Every other operation keeps the 1 MiB body limit. */
    @WithDefault("10G")
    io.quarkus.runtime.configuration.MemorySize maxFileSize();

    /**
     * Lines per chunk: one transaction, committed with the job's counts, and one pass of metrics, reputation and the
     * search rows for all its creators (2,000 imports about a fifth faster than 500: fewer, larger set statements).
     */
    @WithDefault("2000")
    int chunkLines();

    /**
     * Chunks of influencer, post or snapshot lines worked on at once (campaign results go one chunk at a time). The
     * next chunk is applied while the one before it finishes, so the service and the
     * database both keep busy; the chunks still commit in file order (a chunk waits for the one before it to commit
     * before its own commit), and a chunk that names a creator, ref or channel of the one before it waits for that
     * one to commit before it starts. 1 works one chunk at a time.
     */
    @WithDefault("2")
    @io.smallrye.config.WithName("chunks-in-flight")
    int chunksInFlight();

    /** A running job's owner renews its heartbeat at least this often (after each chunk, and on this beat). */
    @WithDefault("5s")
    Duration heartbeat();

    /** A job whose heartbeat is older than this lost its owner (the service stopped): another start takes it over. */
    @WithDefault("30s")
    Duration takeOverAfter();

    /** How often a worker looks for queued jobs when nothing woke it. */
    @WithDefault("2s")
    Duration poll();
}
