package dev.microscout.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, by the type names receivers see. */
@Schema(name = "WebhookEventType", type = SchemaType.STRING,
        enumeration = {"channel.tier_changed", "import.completed", "incident.created", "campaign.status_changed"},
        description = "channel.tier_changed and incident.created concern the shared catalogue and reach every organisation's "
                + "subscribed endpoints; import.completed and campaign.status_changed reach only the organisation that owns "
                + "the import or campaign.")
public enum WebhookEventType {
    CHANNEL_TIER_CHANGED("channel.tier_changed", true),
    IMPORT_COMPLETED("import.completed", false),
    INCIDENT_CREATED("incident.created", true),
    CAMPAIGN_STATUS_CHANGED("campaign.status_changed", false);

    /** Sent by POST /api/v1/webhooks/{id}/test to that endpoint only; not subscribed to. */
    public static final String TEST = "webhook.test";

    private final String type;
    private final boolean catalogueWide;

    WebhookEventType(String type, boolean catalogueWide) {
        this.type = type;
        this.catalogueWide = catalogueWide;
    }

    @JsonValue
    public String type() {
        return type;
    }

    /** Whether every organisation may receive it (a change of the shared catalogue), or only the owning one. */
    public boolean catalogueWide() {
        return catalogueWide;
    }

    public static Optional<WebhookEventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The type name, which is also what a refused value's message lists. */
    @Override
    public String toString() {
        return type;
    }
}
