package dev.microscout.influencer;

import dev.microscout.security.ApiKey;
import dev.microscout.security.Caller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who makes a catalogue write, and how a profile names that writer to a reader: by key (name and prefix) when the
 * reader's own organisation wrote, else only "another organisation". No organisation learns another's keys.
 */
@ApplicationScoped
public class Authorship {

    public static final String ANOTHER_ORGANISATION = "another organisation";

    /** An organisation and one of its keys; both null for writes made outside a request (start-up loading). */
    public record Writer(UUID organisationId, UUID keyId) {
    }

    /** How the current reader sees writers; null for a write with no writer on record. */
    @FunctionalInterface
    interface Names {
        String of(Writer writer);
    }

    @Inject
    Caller caller;

    private static final ThreadLocal<Writer> ACTING = new ThreadLocal<>();

    /**
     * Runs background work as the organisation and key it is done for (an import writes as the key that sent the
     * file): its writes are stamped with them, as the same writes through the API would be.
     */
    public static <T> T actingAs(UUID organisationId, UUID keyId, java.util.function.Supplier<T> work) {
        Writer before = ACTING.get();
        ACTING.set(new Writer(organisationId, keyId));
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    /** The organisation and key of the current request, or of the background work acting for them. */
    Writer current() {
        Writer acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        if (!Arc.container().requestContext().isActive() || !caller.isAuthenticated()) {
            return new Writer(null, null);
        }
        return new Writer(caller.organisationId(), caller.keyId());
    }

    /** Names the given writers for the current reader, with one look-up of the reader's keys among them. */
    Names names(Collection<Writer> writers) {
        UUID reader = current().organisationId();
        Set<UUID> ownKeys = writers.stream()
                .filter(w -> w != null && w.keyId() != null && Objects.equals(reader, w.organisationId()))
                .map(Writer::keyId)
                .collect(Collectors.toSet());
        Map<UUID, String> keys = new HashMap<>();
        if (!ownKeys.isEmpty()) {
            ApiKey.<ApiKey>list("id in ?1", ownKeys).forEach(k -> keys.put(k.id, k.name + " (" + k.prefix + ")"));
        }
        return writer -> {
            if (writer == null || writer.organisationId() == null) {
                return null;
            }
            if (!writer.organisationId().equals(reader)) {
                return ANOTHER_ORGANISATION;
            }
            return keys.getOrDefault(writer.keyId(), "a key of your organisation");
        };
    }
}
