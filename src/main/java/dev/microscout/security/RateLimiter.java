package dev.microscout.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * Rate limits:
 * <ul>
 *   <li>a token bucket per <em>authenticated</em> key (by key id): a request is counted only once its key is
 *   known to be valid, so bad secrets sent with a key's public prefix cannot drain that key's bucket. With
 *   {@code rate-limit.shared} (the default) the bucket is a row of the database, so the limit holds across any
 *   number of service instances: an instance takes a lease of a few tokens ({@code lease-share} of the burst) by one
 *   statement on the connection that has just looked the key up, and spends it in memory for at most
 *   {@code lease-for}; otherwise the bucket lives in this instance's memory;</li>
 *   <li>a token bucket of failed authentications per client address, checked before the key is looked up:
 *   an address over it gets 429 without a database look-up. It stays in each instance's memory: it guards the
 *   look-ups an instance makes, and a database round trip to refuse a request would cost what it saves.</li>
 * </ul>
 * The in-memory maps are Caffeine caches with a maximum size; an entry idle long enough to have refilled completely
 * is dropped (a new bucket would be the same).
 */
@ApplicationScoped
public class RateLimiter {

    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
        static Decision of(TokenBucket.Decision d) {
            return new Decision(d.allowed(), d.limit(), d.remaining(), d.resetSeconds(), d.retryAfterSeconds());
        }
    }

    @Inject
    SecurityConfig config;
    @Inject
    AgroalDataSource dataSource;

    private Cache<UUID, TokenBucket> keys;
    private Cache<String, TokenBucket> failures;
    private Cache<UUID, Lease> leases;

    @PostConstruct
    void init() {
        SecurityConfig.RateLimit keyLimit = config.rateLimit();
        SecurityConfig.FailedAuthentication failed = config.rateLimit().failedAuthentication();
        keys = Caffeine.newBuilder().maximumSize(keyLimit.maxTrackedKeys())
                .expireAfterAccess(fullAfter(keyLimit.burst(), keyLimit.requestsPerSecond())).build();
        leases = Caffeine.newBuilder().maximumSize(keyLimit.maxTrackedKeys()).expireAfterAccess(keyLimit.leaseFor()).build();
        failures = Caffeine.newBuilder().maximumSize(failed.maxTrackedAddresses())
                .expireAfterAccess(fullAfter(failed.burst(), failed.perSecond())).build();
    }

    /** Counts one request of an authenticated key; {@code connection} is the one that looked the key up. */
    public Decision take(Connection connection, UUID keyId) throws SQLException {
        SecurityConfig.RateLimit limit = config.rateLimit();
        long now = System.nanoTime();
        if (!limit.shared()) {
            return Decision.of(keys.get(keyId, id -> new TokenBucket(limit.burst(), limit.requestsPerSecond(), now)).take(now));
        }
        Lease lease = leases.get(keyId, id -> new Lease());
        synchronized (lease) {
            if (lease.tokens < 1 || now > lease.expires) {
                int want = Math.max(1, (int) Math.floor(limit.burst() * limit.leaseShare()));
                try (PreparedStatement take = connection.prepareStatement("select granted, tokens from rate_limit_lease(?, ?, ?, ?)")) {
                    take.setObject(1, keyId);
                    take.setDouble(2, limit.burst());
                    take.setDouble(3, limit.requestsPerSecond());
                    take.setInt(4, want);
                    try (ResultSet row = take.executeQuery()) {
                        row.next();
                        lease.tokens = row.getInt(1);
                        lease.bucket = row.getDouble(2);
                        lease.expires = now + limit.leaseFor().toNanos();
                    }
                }
            }
            boolean allowed = lease.tokens >= 1;
            if (allowed) {
                lease.tokens--;
            }
            // What the key has left: the shared bucket as last read, and what this instance still holds of it.
            return Decision.of(TokenBucket.decision(limit.burst(), limit.requestsPerSecond(), lease.bucket + lease.tokens, allowed));
        }
    }

    /** Tokens of a key's shared bucket this instance holds, and until when it may spend them. */
    private static final class Lease {
        int tokens;
        double bucket;
        long expires;
    }

    /** Whether this client address may try to authenticate now (it has failures left). */
    public Decision mayAuthenticate(String address) {
        TokenBucket bucket = failures.getIfPresent(address);
        return bucket == null ? null : Decision.of(bucket.peek(System.nanoTime()));
    }

    /** Counts one failed authentication of this client address. */
    public void failed(String address) {
        SecurityConfig.FailedAuthentication limit = config.rateLimit().failedAuthentication();
        long now = System.nanoTime();
        failures.get(address, a -> new TokenBucket(limit.burst(), limit.perSecond(), now)).take(now);
    }

    /** Buckets held now: the bound a test can check. */
    long trackedKeys() {
        if (config.rateLimit().shared()) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet count = s.executeQuery("select count(*) from rate_limit_bucket")) {
                count.next();
                return count.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        keys.cleanUp();
        return keys.estimatedSize();
    }

    long trackedAddresses() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    /** Forgets every bucket (tests that need a known starting point). */
    void reset() {
        keys.invalidateAll();
        leases.invalidateAll();
        failures.invalidateAll();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from rate_limit_bucket");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drops the shared buckets idle long enough to be full again (a new one would be the same), so the table holds
     * only the keys in use. Any instance may run it at any time; it changes no answer.
     */
    @io.quarkus.scheduler.Scheduled(every = "10m", delayed = "1m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void dropFullBuckets() {
        if (!config.rateLimit().shared()) {
            return;
        }
        SecurityConfig.RateLimit limit = config.rateLimit();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from rate_limit_bucket where refilled_at < clock_timestamp() - ? * interval '1 millisecond'")) {
            s.setLong(1, fullAfter(limit.burst(), limit.requestsPerSecond()).toMillis());
            s.executeUpdate();
        } catch (SQLException e) {
            org.jboss.logging.Logger.getLogger(RateLimiter.class).warn("Idle rate-limit buckets could not be dropped", e);
        }
    }

    private static Duration fullAfter(int burst, double perSecond) {
        return Duration.ofMillis((long) Math.ceil(burst / perSecond * 1000) + 1000);
    }
}
