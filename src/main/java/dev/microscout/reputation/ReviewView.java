package dev.microscout.reputation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Review", description = "A brand's review of an influencer. Everyone reads the ratings, the text and the date; "
        + "who wrote it, and for which campaign, only the writing organisation sees.")
public record ReviewView(
        UUID id,
        UUID influencerId,
        @Schema(description = "Whether your organisation wrote the review.", examples = "true") boolean writtenByYourOrganisation,
        @Schema(description = "Your organisation, on your own reviews; null on other organisations' reviews.") UUID organisationId,
        @Schema(description = "The campaign reviewed, on your own reviews; null on other organisations' reviews and on a "
                + "review without a campaign.") UUID campaignId,
        @Schema(examples = "5") int contentQuality,
        @Schema(examples = "4") int professionalism,
        @Schema(examples = "4") int timeliness,
        @Schema(examples = "5") int communication,
        @Schema(description = "Mean of the four ratings (1–5): what the reputation counts.", examples = "4.5") double meanRating,
        @Schema(examples = "Delivered three reels a day early.") String text,
        LocalDate reviewedOn,
        OffsetDateTime createdAt) {
}
