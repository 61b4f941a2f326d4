package dev.microscout.common;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The OpenAPI document in an agency's order: its groups as a working day goes (find creators, run the campaign, look
 * at the catalogue, then administration), not alphabetically. The Swagger UI shows the groups in the order of the
 * document's tags; the quick start that opens the description is quarkus.smallrye-openapi.info-description.
 */
final class AgencyOrder {

    static final List<String> TAGS = List.of("Discovery", "Campaigns", "Influencers", "Channels", "Content metrics", "Reputation",
            "Reviews", "Incidents", "Imports", "Webhooks", "Niches", "Tiers", "Organisations and keys", "Audit");

    private AgencyOrder() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            List<Tag> tags = new ArrayList<>(openAPI.getTags());
            tags.sort(Comparator.comparingInt(t -> {
                int index = TAGS.indexOf(t.getName());
                return index < 0 ? TAGS.size() : index;
            }));
            openAPI.setTags(tags);
        }
    }
}
