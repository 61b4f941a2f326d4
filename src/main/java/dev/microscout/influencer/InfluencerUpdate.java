package dev.microscout.influencer;

import dev.microscout.common.CountryCode;
import dev.microscout.common.LanguageCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "InfluencerUpdate", description = "The whole editable profile of an influencer (PUT replaces it; PATCH merges into it). "
        + "Channels are changed through /api/v1/influencers/{id}/channels.")
public record InfluencerUpdate(
        @NotBlank @Size(max = 120)
        @Schema(required = true, examples = "Sari Wulandari") String displayName,
        @Size(max = 2000)
        @Schema(examples = "Skincare for humid weather. Honest reviews of local brands.") String bio,
        @NotNull @CountryCode
        @Schema(description = "ISO 3166-1 alpha-2 country where the creator lives.", required = true, examples = "ID") String country,
        @Size(max = 120)
        @Schema(examples = "Bandung") String city,
        @Size(max = 10)
        @Schema(description = "ISO 639-1 languages of the content.", examples = "[\"id\", \"en\"]") List<@NotNull @LanguageCode String> languages,
        @Email @Size(max = 254)
        @Schema(description = "Business contact e-mail.", examples = "sari@example.com") String contactEmail,
        @Size(max = 20)
        @Schema(description = "Niches of the content with weights.") List<@NotNull @Valid NicheWeight> niches,
        @Valid
        @Schema(description = "Price per post; null removes it.") RateCard rateCard)
        implements ProfileFields {
}
