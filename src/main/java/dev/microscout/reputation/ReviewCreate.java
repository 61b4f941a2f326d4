package dev.microscout.reputation;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.microscout.common.NotBefore;
import dev.microscout.common.NotInFuture;
import dev.microscout.common.WholeNumber;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "ReviewCreate", description = "A brand's review of an influencer after a collaboration. Each rating is a whole "
        + "number from 1 (poor) to 5 (excellent); the review's mean rating is the mean of the four.")
public record ReviewCreate(
        @NotNull @Min(1) @Max(5) @JsonDeserialize(using = WholeNumber.class)
        @Schema(description = "Quality of the content delivered.", required = true, examples = "5")
        Integer contentQuality,
        @NotNull @Min(1) @Max(5) @JsonDeserialize(using = WholeNumber.class)
        @Schema(description = "Professional conduct: brief followed, disclosure rules kept.", required = true, examples = "4")
        Integer professionalism,
        @NotNull @Min(1) @Max(5) @JsonDeserialize(using = WholeNumber.class)
        @Schema(description = "Deadlines kept.", required = true, examples = "4")
        Integer timeliness,
        @NotNull @Min(1) @Max(5) @JsonDeserialize(using = WholeNumber.class)
        @Schema(description = "Responsiveness and clarity.", required = true, examples = "5")
        Integer communication,
        @Size(max = 4000)
        @Schema(description = "What went well or badly, in the brand's words.",
                examples = "Delivered three reels a day early; the swatches were honest and the saves were twice our benchmark.")
        String text,
        @NotInFuture @NotBefore(NotBefore.CATALOGUE_HISTORY)
        @Schema(description = "When the review was written: from 2000-01-01, not in the future; today (UTC) when left out.",
                examples = "2026-11-20")
        LocalDate reviewedOn,
        @Schema(description = "The campaign reviewed, if any. One review per organisation, influencer and campaign; "
                + "one review without a campaign. When it is one of your organisation's campaigns, the campaign must be DONE "
                + "and the creator CONTRACTED on it (409 otherwise); any other id is your own reference to a collaboration "
                + "arranged elsewhere.", examples = "5c0e8a52-7f3b-4d6e-9a1c-2b3d4e5f6a7b")
        UUID campaignId) {
}
