package dev.microscout.discovery;

import dev.microscout.security.Audited;
import dev.microscout.common.Problem;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

@Audited
@Path("/api/v1/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discovery")
public class ExchangeRateResource {

    @Schema(name = "ExchangeRateInput")
    public record RateInput(@NotNull @DecimalMin("0.0000000001") @DecimalMax("9999999999")
                            @Schema(description = "Units of the quote currency one unit of the base currency buys: from 0.0000000001 to "
                                    + "9,999,999,999, as the table stores them (10 decimals; more are rounded).",
                                    examples = "3450", required = true)
                            BigDecimal rate) {
    }

    @Inject
    ExchangeRates rates;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listExchangeRates", summary = "List the exchange rates that apply to you",
            description = "The rates maxPricePerPost uses to compare rate cards in other currencies (the inverse of a rate is used "
                    + "too): your organisation's own table, and the operators' defaults for the pairs your organisation has no "
                    + "rate for (in either direction). Each rate names its table.")
    @APIResponse(responseCode = "200", description = "The rates, by base and quote currency.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ExchangeRateView.class)))
    public List<ExchangeRateView> list() {
        return rates.applying();
    }

    @PUT
    @Path("/{base}/{quote}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "putExchangeRate", summary = "Set your organisation's exchange rate",
            description = "Sets, in your organisation's own table, how many units of the quote currency one unit of the base "
                    + "currency buys, e.g. MYR → IDR 3450. Your searches use it in place of the operators' default for this pair; "
                    + "no other organisation's searches change. An operator's key sets the operators' defaults.")
    @APIResponse(responseCode = "200", description = "The stored rate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeRateView.class)))
    @APIResponse(responseCode = "400", description = "Unknown currency code or a rate that is not positive.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExchangeRateView put(@Parameter(description = "ISO 4217 base currency.", example = "MYR") @PathParam("base") String base,
                                @Parameter(description = "ISO 4217 quote currency.", example = "IDR") @PathParam("quote") String quote,
                                @Valid @NotNull RateInput body) {
        return rates.put(base, quote, body.rate());
    }

    @DELETE
    @Path("/{base}/{quote}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "deleteExchangeRate", summary = "Remove your organisation's exchange rate",
            description = "Removes the rate for this pair (in this direction) from your organisation's own table; the operators' "
                    + "default, if there is one, applies to your searches again. An operator's key removes a default.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "400", description = "Unknown currency code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Your organisation's table has no rate for this pair.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "ISO 4217 base currency.", example = "MYR") @PathParam("base") String base,
                           @Parameter(description = "ISO 4217 quote currency.", example = "IDR") @PathParam("quote") String quote) {
        rates.delete(base, quote);
        return Response.noContent().build();
    }
}
