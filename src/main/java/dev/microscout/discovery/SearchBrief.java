package dev.microscout.discovery;

import dev.microscout.common.CountryCode;
import dev.microscout.common.CurrencyCode;
import dev.microscout.common.LanguageCode;
import dev.microscout.influencer.NicheWeight;
import dev.microscout.influencer.Platform;
import dev.microscout.tier.Tier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "SearchBrief", description = "What a brand looks for. Every field is optional; filters narrow the candidates, "
        + "niches and weights rank them.")
public record SearchBrief(
        @Size(max = 10) @Schema(description = "Niches of the campaign with weights; a creator with niche fit 0 is not a candidate when niches are given.")
        List<@NotNull @Valid NicheWeight> niches,
        @Size(max = 200) @Schema(description = "Web-search syntax over bios and recent post tags (\"sunscreen -tiktok\", \"\\\"dry skin\\\" or acne\"): a filter.",
                examples = "sunscreen") String keywords,
        @Size(max = 20) @Schema(description = "Brand safety: creators whose bio or recent post tags match any of these words are left out.",
                examples = "[\"gambling\", \"vape\"]") List<@NotNull @Size(min = 1, max = 60) String> excludeKeywords,
        @Size(max = 3) @Schema(description = "Tiers (default [MICRO]).", examples = "[\"MICRO\"]") List<@NotNull Tier> tiers,
        @Size(max = 5) @Schema(description = "Platforms (default: all).", examples = "[\"INSTAGRAM\", \"TIKTOK\"]") List<@NotNull Platform> platforms,
        @Size(max = 50) @Schema(description = "Countries where the creator lives (ISO 3166-1 alpha-2).", examples = "[\"ID\"]")
        List<@NotNull @CountryCode String> countries,
        @Size(max = 50) @Schema(description = "Cities, matched without regard to case.", examples = "[\"Bandung\"]") List<@NotNull @Size(max = 120) String> cities,
        @Size(max = 20) @Schema(description = "Languages of the content (ISO 639-1): any of them.", examples = "[\"id\"]")
        List<@NotNull @LanguageCode String> languages,
        @Valid @Schema(description = "Follower range of the channel, both bounds inclusive.") FollowerRange followers,
        @DecimalMin("0") @DecimalMax("1") @Schema(description = "Minimum engagement rate (0–1) of the channel.", examples = "0.02") Double minEngagementRate,
        @Min(0) @Max(100) @Schema(description = "Minimum authenticity (0–100) of the channel.", examples = "50") Integer minAuthenticity,
        @DecimalMin("0") @DecimalMax("1") @Schema(description = "Minimum reputation (0–1) of the creator.", examples = "0.5") Double minReputation,
        @Schema(description = "Leave out creators with an unresolved incident (default false).") Boolean excludeIncidents,
        @Valid @Schema(description = "Target audience; when given, audienceFit joins the score.") AudienceTarget audience,
        @Valid @Schema(description = "Highest price per post, compared in this currency.") Money maxPricePerPost,
        @Valid @Schema(description = "Component weights (≥ 0, not all 0), normalised to sum 1; or \"learned\": the weights your "
                + "organisation's finished campaigns suggest (GET /api/v1/campaigns/insights), the defaults while there are "
                + "fewer than 20 collaborations to learn from (the answer's weightsNote says which).",
                oneOf = {Weights.class, LearnedWeightsChoice.class}) Weights weights,
        @Schema(description = "Keep only creators with a contact e-mail (default false).") Boolean hasContact,
        @Schema(description = "One result per creator, their best channel (default true).") Boolean onePerInfluencer,
        @Min(0) @Max(999) @Schema(description = "Page number, starting at 0. Pages reach the top 1,000 results of a brief: "
                + "page × size must be below 1,000 (a 400 otherwise).", examples = "0") Integer page,
        @Min(1) @Max(100) @Schema(description = "Page size, 1 to 100 (default 20).", examples = "20") Integer size) {

    /** The same brief for one page. */
    public SearchBrief paged(Integer page, Integer size) {
        return new SearchBrief(niches, keywords, excludeKeywords, tiers, platforms, countries, cities, languages, followers,
                minEngagementRate, minAuthenticity, minReputation, excludeIncidents, audience, maxPricePerPost, weights, hasContact,
                onePerInfluencer, page, size);
    }

    /** The same brief ranking every matching channel, not one per creator (to score one creator's channels). */
    public SearchBrief perChannel() {
        return new SearchBrief(niches, keywords, excludeKeywords, tiers, platforms, countries, cities, languages, followers,
                minEngagementRate, minAuthenticity, minReputation, excludeIncidents, audience, maxPricePerPost, weights, hasContact,
                false, page, size);
    }

    /** The largest follower count a channel may have (ChannelInput.followers). */
    static final long MAX_FOLLOWERS = 10_000_000_000L;
    /** Above any price a rate card can hold (numeric(14, 2)), after any conversion. */
    static final String MAX_AMOUNT = "1000000000000000";
    /** Weights are relative; 0 to 100 lets a brief write them as percentages. */
    static final String MAX_WEIGHT = "100";

    @Schema(name = "FollowerRange")
    public record FollowerRange(@Min(0) @Max(MAX_FOLLOWERS) @Schema(examples = "10000") Long min,
                                @Min(0) @Max(MAX_FOLLOWERS) @Schema(examples = "100000") Long max) {
    }

    @Schema(name = "AudienceTarget", description = "audienceFit = share in the countries × share of the gender × share in the age ranges; "
            + "each factor is 1 when not given.")
    public record AudienceTarget(
            @Size(max = 50) List<@NotNull @CountryCode String> countries,
            @Pattern(regexp = "^(female|male|other)$", message = "must be female, male or other") @Schema(examples = "female") String gender,
            @Size(max = 6) List<@NotNull @Pattern(regexp = "^(13-17|18-24|25-34|35-44|45-54|55\\+)$",
                    message = "must be one of 13-17, 18-24, 25-34, 35-44, 45-54, 55+") String> ageRanges) {
    }

    @Schema(name = "Money")
    public record Money(@NotNull @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 15, fraction = 4)
                        @Schema(description = "At most 10^15 with at most 4 decimals.", examples = "5000000", required = true) BigDecimal amount,
                        @NotNull @CurrencyCode @Schema(examples = "IDR", required = true) String currency) {
    }

    @Schema(name = "Weights", description = "Relative weights of the score components; left-out ones count 0 when any is given.")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = Weights.Reader.class)
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = Weights.Writer.class)
    public record Weights(@DecimalMin("0") @DecimalMax(MAX_WEIGHT) @Schema(examples = "0.4") Double nicheFit,
                          @DecimalMin("0") @DecimalMax(MAX_WEIGHT) @Schema(examples = "0.35") Double engagement,
                          @DecimalMin("0") @DecimalMax(MAX_WEIGHT) @Schema(examples = "0.25") Double reputation,
                          @DecimalMin("0") @DecimalMax(MAX_WEIGHT) @Schema(examples = "0") Double audienceFit,
                          @com.fasterxml.jackson.annotation.JsonIgnore @Schema(hidden = true) boolean learned) {

        /** "weights": "learned": the weights the organisation's finished campaigns suggest. */
        public static final Weights LEARNED = new Weights(null, null, null, null, true);
        static final String LEARNED_TEXT = "learned";

        /** The weights as a brief writes them: an object of numbers, read with the service's usual JSON rules. */
        private record Given(Double nicheFit, Double engagement, Double reputation, Double audienceFit) {
        }

        static final class Reader extends com.fasterxml.jackson.databind.JsonDeserializer<Weights> {
            @Override
            public Weights deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                    throws java.io.IOException {
                if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    if (LEARNED_TEXT.equals(p.getText())) {
                        return LEARNED;
                    }
                    return (Weights) ctxt.handleWeirdStringValue(Weights.class, p.getText(),
                            "must be an object of weights or \"learned\"");
                }
                Given given = ctxt.readValue(p, Given.class);
                return new Weights(given.nicheFit(), given.engagement(), given.reputation(), given.audienceFit(), false);
            }
        }

        static final class Writer extends com.fasterxml.jackson.databind.JsonSerializer<Weights> {
            @Override
            public void serialize(Weights w, com.fasterxml.jackson.core.JsonGenerator gen,
                                  com.fasterxml.jackson.databind.SerializerProvider serializers) throws java.io.IOException {
                if (w.learned()) {
                    gen.writeString(LEARNED_TEXT);
                } else {
                    serializers.defaultSerializeValue(new Given(w.nicheFit(), w.engagement(), w.reputation(), w.audienceFit()), gen);
                }
            }
        }
    }

    /** How the OpenAPI document shows the other form of weights. */
    @Schema(name = "LearnedWeights", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = "learned",
            description = "The weights your organisation's finished campaigns suggest (GET /api/v1/campaigns/insights); the "
                    + "defaults while there are fewer than 20 collaborations to learn from.")
    static final class LearnedWeightsChoice {
        private LearnedWeightsChoice() {
        }
    }
}
