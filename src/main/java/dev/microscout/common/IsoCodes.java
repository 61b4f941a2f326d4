package dev.microscout.common;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The ISO code lists the API validates against (from the JDK, so no table to maintain). */
public final class IsoCodes {
    public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    public static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    public static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private IsoCodes() {
    }
}
