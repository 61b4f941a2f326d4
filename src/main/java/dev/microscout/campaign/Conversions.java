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

    /** @param field the amount's field, named when no rate converts its currency (a 400) */
    Converted toBudget(Amount amount, String budgetCurrency, String field) {
        if (amount.currency().equals(budgetCurrency)) {
            return new Converted(amount.amount().setScale(2, RoundingMode.HALF_UP), BigDecimal.ONE, null);
        }
        ExchangeRates.Conversion conversion = rates.toCurrency(budgetCurrency).get(amount.currency());
        if (conversion == null) {
            throw new InvalidInput(field, "cannot be converted into the budget's " + budgetCurrency + ": there is no exchange rate "
                    + "between " + amount.currency() + " and " + budgetCurrency + " (an ADMIN can set one with PUT "
                    + "/api/v1/exchange-rates/" + amount.currency() + "/" + budgetCurrency + ")");
        }
        BigDecimal converted = amount.amount().multiply(conversion.multiplier()).setScale(2, RoundingMode.HALF_UP);
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
