package dev.microscout.discovery;

import dev.microscout.common.CurrencyCode;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.NotFound;
import dev.microscout.security.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Exchange-rate tables: each organisation's ADMINs keep its own, and the operators' table (rows without an
 * organisation) holds the defaults. A caller's searches convert with its own rate for a pair, in either direction,
 * else with the operators'. Operators keep the defaults: their writes go to the operators' table.
 * Every statement is served by exchange_rate_table_uq.
 */
@ApplicationScoped
public class ExchangeRates {

    public static final String ORGANISATION = "organisation";
    public static final String OPERATORS = "operators";

    /** A multiplier into the brief's currency, and the table it comes from (ORGANISATION or OPERATORS). */
    public record Conversion(BigDecimal multiplier, String table) {
    }

    // The caller's rows and the operators' defaults, for pairs in either direction.
    private static final String APPLYING = """
            select base_currency, quote_currency, rate, updated_at, organisation_id is not null as own
              from exchange_rate e
             where e.organisation_id = ?
                or (e.organisation_id is null and not exists (
                      select 1 from exchange_rate o
                       where o.organisation_id = ?
                         and ((o.base_currency = e.base_currency and o.quote_currency = e.quote_currency)
                           or (o.base_currency = e.quote_currency and o.quote_currency = e.base_currency))))
             order by base_currency, quote_currency""";

    private static final String TOWARDS = """
            select base_currency, quote_currency, rate, organisation_id is not null as own
              from exchange_rate
             where (organisation_id = ? or organisation_id is null) and (base_currency = ? or quote_currency = ?)""";

    private static final String UPSERT = """
            insert into exchange_rate (organisation_id, base_currency, quote_currency, rate, updated_at) values (?, ?, ?, ?, now())
            on conflict (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), base_currency, quote_currency)
            do update set rate = excluded.rate, updated_at = excluded.updated_at
            returning updated_at""";

    private static final String DELETE = """
            delete from exchange_rate
             where coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)
                   = coalesce(?, '00000000-0000-0000-0000-000000000000'::uuid)
               and base_currency = ? and quote_currency = ?""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Caller caller;

    /**
     * Multipliers into {@code target} for every currency that can be converted, each from the best rate the caller
     * has: its own table before the operators', a direct rate before an inverse one.
     */
    public Map<String, Conversion> toCurrency(String target) {
        Map<String, Conversion> conversions = new HashMap<>();
        conversions.put(target, new Conversion(BigDecimal.ONE, ORGANISATION));
        Map<String, Integer> preference = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(TOWARDS)) {
            setOwner(s, 1);
            s.setString(2, target);
            s.setString(3, target);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String base = r.getString(1);
                    String quote = r.getString(2);
                    BigDecimal rate = r.getBigDecimal(3);
                    boolean own = r.getBoolean(4);
                    boolean direct = quote.equals(target);
                    String other = direct ? base : quote;
                    int rank = (own ? 0 : 2) + (direct ? 0 : 1);
                    if (!other.equals(target) && rank < preference.getOrDefault(other, Integer.MAX_VALUE)) {
                        preference.put(other, rank);
                        conversions.put(other, new Conversion(direct ? rate : BigDecimal.ONE.divide(rate, MathContext.DECIMAL64),
                                own ? ORGANISATION : OPERATORS));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Exchange rates could not be read", e);
        }
        return conversions;
    }

    /** The rates that apply to the caller: its own, and the operators' defaults for the pairs it has none of. */
    public List<ExchangeRateView> applying() {
        List<ExchangeRateView> rates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(APPLYING)) {
            setOwner(s, 1);
            setOwner(s, 2);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rates.add(new ExchangeRateView(r.getString(1), r.getString(2), r.getBigDecimal(3),
                            r.getObject(4, OffsetDateTime.class), r.getBoolean(5) ? ORGANISATION : OPERATORS));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Exchange rates could not be read", e);
        }
        return rates;
    }

    /** Sets the caller's rate for a pair in its own table (the defaults, for an operator). */
    @Transactional
    public ExchangeRateView put(String base, String quote, BigDecimal rate) {
        checkPair(base, quote);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            setOwner(s, 1);
            s.setString(2, base);
            s.setString(3, quote);
            s.setBigDecimal(4, rate);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new ExchangeRateView(base, quote, rate, r.getObject(1, OffsetDateTime.class), ownTable());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The exchange rate could not be stored", e);
        }
    }

    /** Removes the caller's own rate for a pair; the operators' default, if any, applies again. */
    @Transactional
    public void delete(String base, String quote) {
        checkPair(base, quote);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DELETE)) {
            setOwner(s, 1);
            s.setString(2, base);
            s.setString(3, quote);
            if (s.executeUpdate() == 0) {
                throw new NotFound("Exchange rate", base + "/" + quote + " of your organisation's table");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The exchange rate could not be removed", e);
        }
    }

    private static void checkPair(String base, String quote) {
        CurrencyCode.Validator codes = new CurrencyCode.Validator();
        if (!codes.isValid(base, null)) {
            throw new InvalidInput("base", "must be an ISO 4217 currency code, e.g. IDR");
        }
        if (!codes.isValid(quote, null) || quote.equals(base)) {
            throw new InvalidInput("quote", "must be an ISO 4217 currency code other than the base");
        }
    }

    /** The table the caller keeps: its organisation's, or for an operator the defaults (no organisation). */
    private UUID owner() {
        return caller.isOperator() ? null : caller.organisationId();
    }

    private String ownTable() {
        return owner() == null ? OPERATORS : ORGANISATION;
    }

    private void setOwner(PreparedStatement s, int index) throws SQLException {
        UUID owner = owner();
        if (owner == null) {
            s.setNull(index, Types.OTHER);
        } else {
            s.setObject(index, owner);
        }
    }
}
