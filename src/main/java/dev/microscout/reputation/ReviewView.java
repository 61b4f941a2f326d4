package dev.microscout.reputation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Review", description = "A brand's review of an influencer.")
public record ReviewView(
        UUID id,
        UUID influencerId,
        @Schema(description = "The organisation that wrote the review.") UUID organisationId,
        @Schema(description = "The campaign reviewed; absent for a review without a campaign.") UUID campaignId,
        @Schema(examples = "5") int contentQuality,
        @Schema(examples = "4") int professionalism,
        @Schema(examples = "4") int timeliness,
        @Schema(examples = "5") int communication,
        @Schema(description = "Mean of the four ratings (1–5): what the reputation counts.", examples = "4.5") double meanRating,
        @Schema(examples = "Delivered three reels a day early.") String text,
        LocalDate reviewedOn,
        OffsetDateTime createdAt) {
}
