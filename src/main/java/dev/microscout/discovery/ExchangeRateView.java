package dev.microscout.discovery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Schema(name = "ExchangeRate", description = "A rate that applies to your organisation, and the table it comes from.")
public record ExchangeRateView(
        @Schema(examples = "MYR") String base,
        @Schema(examples = "IDR") String quote,
        @Schema(description = "Units of the quote currency one unit of the base currency buys.", examples = "3450") BigDecimal rate,
        OffsetDateTime updatedAt,
        @Schema(description = "organisation: your organisation's own rate; operators: the operators' default, which applies "
                + "because your organisation has no rate for this pair (in either direction).",
                enumeration = {ExchangeRates.ORGANISATION, ExchangeRates.OPERATORS}, examples = "organisation")
        String table) {
}
