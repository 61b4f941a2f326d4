package dev.microscout.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** A demo creator's name, and the handles and e-mail addresses made from it. */
record DemoPerson(String givenName, String familyName, String displayName) {

    static DemoPerson of(SplittableRandom random, DemoCountry country, double femaleProbability) {
        DemoCountry.Names names = country.names();
        String given = pickOne(random, random.nextDouble() < femaleProbability ? names.female() : names.male());
        String family = pickOne(random, names.family());
        if (random.nextDouble() < names.singleNameShare()) {
            return new DemoPerson(given, null, given);
        }
        return new DemoPerson(given, family, names.familyFirst() ? family + " " + given : given + " " + family);
    }

    /**
     * A handle made of the name or a niche word, ending in {@code number}. The base never ends in a digit,
     * so distinct numbers always give distinct handles, whatever the base.
     */
    String handle(SplittableRandom random, DemoNiche niche, int number) {
        String given = fold(givenName);
        String family = familyName == null ? null : fold(familyName);
        String word = pickOne(random, niche.handleWords());
        String base = switch (random.nextInt(family == null ? 3 : 6)) {
            case 0 -> given + "." + word;
            case 1 -> word + "." + given;
            case 2 -> given + "_" + word;
            case 3 -> given + "." + family;
            case 4 -> given + family;
            default -> given + "_" + family;
        };
        String separator = pickOne(random, List.of("", "", "", "_", "."));
        return base + separator + number;
    }

    /** A business address on a reserved example domain, so that no real mailbox is ever written to. */
    static String email(SplittableRandom random, String handle) {
        String prefix = pickOne(random, List.of("", "", "hello.", "collab.", "business."));
        String domain = pickOne(random, List.of("example.com", "example.net", "example.org"));
        return prefix + handle.replace('_', '.') + "@" + domain;
    }

    /** Lower-case ASCII letters only: accents dropped (Nguyễn becomes nguyen), spaces removed. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    static <T> T pickOne(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
