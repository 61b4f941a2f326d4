package dev.microscout.discovery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The exchange-rate table admins maintain, read as "how much of the target currency one unit of X is worth". */
@ApplicationScoped
public class ExchangeRates {

    @Inject
    AgroalDataSource dataSource;

    /** Multipliers into {@code target} for every currency that can be converted (directly or through the inverse rate). */
    public Map<String, BigDecimal> toCurrency(String target) {
        Map<String, BigDecimal> multipliers = new HashMap<>();
        multipliers.put(target, BigDecimal.ONE);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select base_currency, quote_currency, rate from exchange_rate "
                     + "where base_currency = ? or quote_currency = ?")) {
            s.setString(1, target);
            s.setString(2, target);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String base = r.getString(1);
                    String quote = r.getString(2);
                    BigDecimal rate = r.getBigDecimal(3);
                    if (quote.equals(target)) {
                        multipliers.put(base, rate);
                    } else if (!multipliers.containsKey(quote)) {
                        multipliers.put(quote, BigDecimal.ONE.divide(rate, MathContext.DECIMAL64));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Exchange rates could not be read", e);
        }
        return multipliers;
    }
}
