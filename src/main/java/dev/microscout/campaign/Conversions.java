package dev.microscout.campaign;

import dev.microscout.campaign.CampaignViews.Amount;
import dev.microscout.common.InvalidInput;
import dev.microscout.discovery.ExchangeRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money into a campaign's budget currency, with the organisation's exchange rates (then the operators' defaults). */
@ApplicationScoped
class Conversions {

    @Inject
    ExchangeRates rates;

    /** An amount in the budget's currency, the multiplier used and how it was converted, in words. */
    record Converted(BigDecimal amount, BigDecimal rate, String how) {
    }

    /** What the budget-currency columns (numeric(16, 2)) hold. */
    static final BigDecimal MAX_IN_BUDGET = new BigDecimal("99999999999999.99");

    /**
     * @param field the amount's field (…amount, …currency), named when no rate converts its currency or the
     *              converted amount is more than the budget's columns hold (a 400 either way)
     */
    Converted toBudget(Amount amount, String budgetCurrency, String field) {
        if (amount.currency().equals(budgetCurrency)) {
            return new Converted(amount.amount().setScale(2, RoundingMode.HALF_UP), BigDecimal.ONE, null);
        }
        ExchangeRates.Conversion conversion = rates.toCurrency(budgetCurrency).get(amount.currency());
        if (conversion == null) {
            throw new InvalidInput(field + ".currency", "cannot be converted into the budget's " + budgetCurrency + ": there is no exchange rate "
                    + "between " + amount.currency() + " and " + budgetCurrency + " (an ADMIN can set one with PUT "
                    + "/api/v1/exchange-rates/" + amount.currency() + "/" + budgetCurrency + ")");
        }
        BigDecimal converted = amount.amount().multiply(conversion.multiplier()).setScale(2, RoundingMode.HALF_UP);
        if (converted.compareTo(MAX_IN_BUDGET) > 0) {
            throw new InvalidInput(field + ".amount", "is " + converted.toPlainString() + " " + budgetCurrency + " once converted "
                    + "into the budget's currency, more than the 99,999,999,999,999.99 a campaign can hold");
        }
        String how = "1 " + amount.currency() + " = " + conversion.multiplier().stripTrailingZeros().toPlainString() + " " + budgetCurrency
                + (ExchangeRates.ORGANISATION.equals(conversion.table()) ? " (your organisation's rate)" : " (the operators' default rate)");
        return new Converted(converted, conversion.multiplier(), how);
    }

    /** The words for a stored conversion. */
    static String how(String from, BigDecimal rate, String budgetCurrency) {
        return from == null || from.equals(budgetCurrency) ? null
                : "1 " + from + " = " + rate.stripTrailingZeros().toPlainString() + " " + budgetCurrency;
    }
}
