package dev.microscout.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** API records of the security feature. */
public final class SecurityViews {
    private SecurityViews() {
    }

    @Schema(name = "OrganisationCreate", description = "A new organisation (a brand or agency).")
    public record OrganisationCreate(
            @NotBlank @Size(max = 120) @Schema(required = true, examples = "Kopi Senja Brand Team") String name) {
    }

    @Schema(name = "Organisation", description = "An organisation: the owner of keys, campaigns, webhooks and imports.")
    public record OrganisationView(UUID id, @Schema(examples = "Kopi Senja Brand Team") String name, OffsetDateTime createdAt) {
    }

    @Schema(name = "ApiKeyCreate", description = "A new API key.")
    public record ApiKeyCreate(
            @NotBlank @Size(max = 120) @Schema(description = "What the key is for.", required = true, examples = "CRM sync") String name,
            @NotNull @Schema(description = "VIEWER reads and searches; EDITOR also writes; ADMIN also manages keys, taxonomy, incidents and webhooks.",
                    required = true, examples = "EDITOR") Role role) {
    }

    @Schema(name = "ApiKey", description = "An API key as listed: never the key itself, only its public prefix.")
    public record ApiKeyView(UUID id, @Schema(examples = "k3m9x2pq") String prefix, @Schema(examples = "CRM sync") String name,
                             Role role, OffsetDateTime createdAt,
                             @Schema(description = "When the key was revoked; absent while it works.") OffsetDateTime revokedAt) {
    }

    @Schema(name = "ApiKeyCreated", description = "A new key. The key is shown in this response only; store it now.")
    public record ApiKeyCreated(UUID id, String prefix, String name, Role role, OffsetDateTime createdAt,
                                @Schema(description = "The secret key: send it as X-API-Key or Authorization: Bearer.",
                                        examples = "msk_k3m9x2pq_Zb8G2pQ1yq6dVn0rRk7cJtW4uHf3sXa9mLe5oPiYwNg") String key)
            implements dev.microscout.common.ShownOnce {
        @Override
        public UUID issuedId() {
            return id;
        }

        @Override
        public String issuedWhat() {
            return "API key";
        }
    }

    @Schema(name = "AuditEvent", description = "One write through the API.")
    public record AuditEventView(long id, @Schema(examples = "k3m9x2pq") String keyPrefix, @Schema(examples = "POST") String method,
                                 @Schema(examples = "/api/v1/influencers") String path, @Schema(examples = "201") int status,
                                 @Schema(description = "Id of the created or changed resource, when known.") String resourceId,
                                 OffsetDateTime occurredAt) {
    }

    @Schema(name = "AuditEventPage", description = "One page of audit events, newest first.")
    public record AuditEventPage(java.util.List<AuditEventView> items, @Schema(examples = "0") int page,
                                 @Schema(examples = "50") int size, @Schema(examples = "7") long total) {
    }
}
