package dev.microscout.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A claim belongs to the request that made it, for as long as that request runs. */
@QuarkusTest
class IdempotencyOwnershipTest {

    @Inject
    IdempotencyStore store;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRunningRequestKeepsItsClaimPastTheAbandonedAge() throws SQLException {
        UUID organisation = UUID.randomUUID();
        String key = "long-" + UUID.randomUUID();
        IdempotencyStore.Claim first = store.claim(organisation, key, "hash-a").orElseThrow();
        // The request has run for 3 minutes, and its instance renewed the claim a moment ago.
        age(organisation, key, "created_at", 180);
        store.heartbeat();
        assertTrue(store.claim(organisation, key, "hash-a").isEmpty(), "a running request's claim was taken over");
        assertTrue(store.complete(first, 201, "{}", "{\"ok\":true}"));
        assertEquals(201, store.find(organisation, key).status());
    }

    @Test
    void onlyTheOwnerCompletesOrReleasesAClaim() {
        UUID organisation = UUID.randomUUID();
        String key = "owned-" + UUID.randomUUID();
        IdempotencyStore.Claim owner = store.claim(organisation, key, "hash-a").orElseThrow();
        IdempotencyStore.Claim stranger = new IdempotencyStore.Claim(organisation, key, UUID.randomUUID());
        assertFalse(store.complete(stranger, 200, "{}", "{}"));
        assertFalse(store.release(stranger));
        assertNull(store.find(organisation, key).status());
        assertTrue(store.release(owner));
        assertNull(store.find(organisation, key));
    }

    @Test
    void aClaimWhoseOwnerStoppedRenewingItIsTakenOverAndTheOldOwnerCanNoLongerComplete() throws SQLException {
        UUID organisation = UUID.randomUUID();
        String key = "dead-" + UUID.randomUUID();
        IdempotencyStore.Claim dead = store.claim(organisation, key, "hash-a").orElseThrow();
        store.release(new IdempotencyStore.Claim(organisation, key, UUID.randomUUID())); // a stranger: no effect
        age(organisation, key, "heartbeat_at", 180);
        forget(dead);
        Optional<IdempotencyStore.Claim> next = store.claim(organisation, key, "hash-a");
        assertTrue(next.isPresent());
        assertFalse(store.complete(dead, 500, "{}", "{}"));
        assertTrue(store.complete(next.get(), 201, "{}", "{}"));
        assertEquals(201, store.find(organisation, key).status());
    }

    /** The dead instance renews nothing: drop the claim from this instance's running set without touching the row. */
    private void forget(IdempotencyStore.Claim claim) {
        store.forgetRunning(claim);
    }

    private void age(UUID organisation, String key, String column, int seconds) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update idempotency_record set " + column + " = now() - make_interval(secs => ?) "
                     + "where organisation_id = ? and idempotency_key = ?")) {
            s.setInt(1, seconds);
            s.setObject(2, organisation);
            s.setString(3, key);
            assertEquals(1, s.executeUpdate());
        }
    }
}
