package dev.microscout.common;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The ISO code lists the API validates against (from the JDK, so no table to maintain). */
public final class IsoCodes {
    public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    public static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** ISO 4217 codes that are not money a creator is paid in: no currency, testing, metals, units of account. */
    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC",
            "XBD", "XDR", "XSU", "XUA", "XFO", "XFU", "XRE");

    public static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).filter(code -> !NOT_MONEY.contains(code))
            .collect(Collectors.toUnmodifiableSet());

    private IsoCodes() {
    }
}
