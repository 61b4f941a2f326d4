package dev.microscout.discovery;

import dev.microscout.common.CurrencyCode;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.Problem;
import dev.microscout.security.Role;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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

    @Schema(name = "ExchangeRate")
    public record RateView(@Schema(examples = "MYR") String base, @Schema(examples = "IDR") String quote,
                           @Schema(examples = "3450") BigDecimal rate, OffsetDateTime updatedAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listExchangeRates", summary = "List exchange rates",
            description = "The rates maxPricePerPost uses to compare rate cards in other currencies (the inverse of a rate is used too).")
    @APIResponse(responseCode = "200", description = "The rates.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RateView.class)))
    public List<RateView> list() throws SQLException {
        List<RateView> rates = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from exchange_rate order by base_currency, quote_currency");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rates.add(new RateView(r.getString("base_currency"), r.getString("quote_currency"), r.getBigDecimal("rate"),
                        r.getObject("updated_at", OffsetDateTime.class)));
            }
        }
        return rates;
    }

    @PUT
    @Path("/{base}/{quote}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "putExchangeRate", summary = "Set an exchange rate",
            description = "Sets how many units of the quote currency one unit of the base currency buys, e.g. MYR → IDR 3450.")
    @APIResponse(responseCode = "200", description = "The stored rate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RateView.class)))
    @APIResponse(responseCode = "400", description = "Unknown currency code or a rate that is not positive.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RateView put(@Parameter(description = "ISO 4217 base currency.", example = "MYR") @PathParam("base") String base,
                        @Parameter(description = "ISO 4217 quote currency.", example = "IDR") @PathParam("quote") String quote,
                        @Valid @NotNull RateInput body) throws SQLException {
        CurrencyCode.Validator codes = new CurrencyCode.Validator();
        if (!codes.isValid(base, null)) {
            throw new InvalidInput("base", "must be an ISO 4217 currency code, e.g. IDR");
        }
        if (!codes.isValid(quote, null) || quote.equals(base)) {
            throw new InvalidInput("quote", "must be an ISO 4217 currency code other than the base");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into exchange_rate (base_currency, quote_currency, rate, updated_at) values (?, ?, ?, now())
                     on conflict (base_currency, quote_currency) do update set rate = excluded.rate, updated_at = excluded.updated_at
                     returning updated_at""")) {
            s.setString(1, base);
            s.setString(2, quote);
            s.setBigDecimal(3, body.rate());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new RateView(base, quote, body.rate(), r.getObject(1, OffsetDateTime.class));
            }
        }
    }
}
