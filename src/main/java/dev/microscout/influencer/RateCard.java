package dev.microscout.influencer;

import dev.microscout.common.CurrencyCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "RateCard", description = "What the creator asks for one post.")
public record RateCard(
        @NotNull @CurrencyCode
        @Schema(description = "ISO 4217 currency code.", examples = "IDR", required = true)
        String currency,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2)
        @Schema(description = "Price of one post in that currency: at most 999,999,999,999.99, with at most 2 decimals.",
                examples = "2500000", required = true)
        BigDecimal pricePerPost) {
}
