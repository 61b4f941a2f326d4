package dev.microscout.influencer;

import dev.microscout.tier.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Influencer", description = "A creator with their channels. The tier is that of the largest channel.")
public record InfluencerView(
        @Schema(examples = "3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b") UUID id,
        @Schema(examples = "Sari Wulandari") String displayName,
        String bio,
        @Schema(examples = "ID") String country,
        @Schema(examples = "Bandung") String city,
        List<String> languages,
        @Schema(examples = "sari@example.com") String contactEmail,
        List<NicheWeight> niches,
        RateCard rateCard,
        @Schema(description = "Tier of the largest channel.", examples = "MICRO") Tier tier,
        @Schema(description = "Followers of the largest channel.", examples = "48200") long followers,
        List<ChannelView> channels,
        OffsetDateTime createdAt,
        @Schema(description = "When the profile, one of its channels or their follower counts last changed.")
        OffsetDateTime updatedAt,
        @Schema(description = "Who made that last change: your key (name and prefix) when your organisation made it, else "
                + "\"another organisation\". Absent for data loaded without a key (e.g. demo data).",
                examples = "CRM sync (k3m9x2pa)")
        String lastChangedBy,
        @Schema(description = "Optimistic-locking version; the influencer's ETag. Changes whenever the profile or a channel changes.", examples = "0")
        long version,
        @Schema(description = "Present only on deleted influencers, which only ADMINs see (GET /api/v1/influencers?deleted=true).")
        DeletionView deletion) {
}
