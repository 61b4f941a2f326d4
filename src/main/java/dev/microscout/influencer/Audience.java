package dev.microscout.influencer;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * Who follows a channel, as shares in [0, 1]. Each set may sum to less than 1 (the rest is unknown)
 * but not to more than 1.0001 (rounding). Checked by {@link AudienceRules}. A set sent as null is left out, never
 * stored as a JSON null: the search reads each set as an object (and the database checks that it is one).
 * The bounds on the shares document the range in the contract; AudienceRules checks them, with the keys and sums.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Audience", description = "Who follows the channel, as shares between 0 and 1. Each set of shares sums to at most 1 "
        + "(1.0001 allowing for rounding); what is missing is unknown.")
public record Audience(
        @Schema(description = "Shares by gender: keys female, male, other.", examples = "{\"female\": 0.72, \"male\": 0.27}")
        Map<String, @DecimalMin("0") @DecimalMax("1") Double> genderShares,
        @Schema(description = "Shares by age range: keys 13-17, 18-24, 25-34, 35-44, 45-54, 55+.",
                examples = "{\"18-24\": 0.41, \"25-34\": 0.38, \"35-44\": 0.12}")
        Map<String, @DecimalMin("0") @DecimalMax("1") Double> ageShares,
        @Schema(description = "Shares by country: ISO 3166-1 alpha-2 keys.", examples = "{\"ID\": 0.86, \"MY\": 0.07}")
        Map<String, @DecimalMin("0") @DecimalMax("1") Double> countryShares) {
}
