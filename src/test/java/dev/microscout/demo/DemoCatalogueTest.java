package dev.microscout.demo;

import dev.microscout.influencer.Audience;
import dev.microscout.influencer.AudienceRules;
import dev.microscout.influencer.ChannelInput;
import dev.microscout.influencer.InfluencerCreate;
import dev.microscout.influencer.NicheWeight;
import dev.microscout.influencer.Platform;
import dev.microscout.tier.Tier;
import dev.microscout.tier.TierPolicy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCatalogueTest {

    /** The catalogue the dev and demo profiles load (application.properties). */
    static final long SEED = 20261123;
    static final int COUNT = 300;

    static ValidatorFactory validatorFactory;
    static List<InfluencerCreate> catalogue;

    @BeforeAll
    static void generate() {
        validatorFactory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        catalogue = new DemoCatalogue(SEED).influencers(COUNT);
    }

    @AfterAll
    static void close() {
        validatorFactory.close();
    }

    @Test
    void sameSeedSameCatalogueAndCreatorsDoNotDependOnTheCount() {
        assertEquals(catalogue, new DemoCatalogue(SEED).influencers(COUNT));
        assertEquals(catalogue.subList(0, 40), new DemoCatalogue(SEED).influencers(40));
        assertEquals(catalogue.get(123), new DemoCatalogue(SEED).influencer(123));
        assertNotEquals(catalogue.subList(0, 40), new DemoCatalogue(SEED + 1).influencers(40));
    }

    @Test
    void randomStreamsRepeatPerCreatorAndPurpose() {
        DemoCatalogue demo = new DemoCatalogue(SEED);
        assertEquals(demo.random(5, "posts").nextLong(), new DemoCatalogue(SEED).random(5, "posts").nextLong());
        assertNotEquals(demo.random(5, "posts").nextLong(), demo.random(5, "snapshots").nextLong());
        assertNotEquals(demo.random(5, "posts").nextLong(), demo.random(6, "posts").nextLong());
    }

    @Test
    void everyCreatorPassesBeanValidation() {
        Validator validator = validatorFactory.getValidator();
        for (InfluencerCreate creator : catalogue) {
            Set<ConstraintViolation<InfluencerCreate>> violations = validator.validate(creator);
            assertTrue(violations.isEmpty(), () -> creator.displayName() + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
    }

    @Test
    void everyNicheOfTheSeedTaxonomyAppearsAndOnlyThose() throws IOException {
        Set<String> taxonomy = seedTaxonomy();
        Set<String> used = new TreeSet<>();
        for (InfluencerCreate creator : catalogue) {
            List<NicheWeight> niches = creator.niches();
            assertTrue(niches.size() >= 1 && niches.size() <= 3, creator.displayName() + " has " + niches.size() + " niches");
            assertEquals(niches.size(), niches.stream().map(NicheWeight::niche).distinct().count(), "a niche twice");
            double sum = 0;
            for (NicheWeight niche : niches) {
                assertTrue(taxonomy.contains(niche.niche()), niche.niche() + " is not in the seed taxonomy");
                assertTrue(niche.weight() > 0 && niche.weight() <= 1, "weight " + niche.weight());
                sum += niche.weight();
            }
            assertTrue(sum <= 1 + 1e-9, "niche weights sum to " + sum);
            used.addAll(niches.stream().map(NicheWeight::niche).toList());
        }
        assertEquals(new TreeSet<>(taxonomy), used);
        assertEquals(taxonomy, DemoNiche.ALL.stream().map(DemoNiche::slug).collect(Collectors.toSet()));
    }

    @Test
    void allThreeTiersInRoughlyTheIntendedMixWithCreatorsOnTheBoundaries() {
        TierPolicy tiers = new TierPolicy(10_000, 100_000);
        Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
        Set<Long> largest = new HashSet<>();
        for (InfluencerCreate creator : catalogue) {
            long followers = largestFollowers(creator);
            largest.add(followers);
            byTier.merge(tiers.classify(followers), 1, Integer::sum);
        }
        // Aimed at 45 / 40 / 15 %; 300 draws stay well inside these bands.
        assertBetween(byTier.getOrDefault(Tier.NANO, 0), 105, 165, "nano");
        assertBetween(byTier.getOrDefault(Tier.MICRO, 0), 90, 150, "micro");
        assertBetween(byTier.getOrDefault(Tier.MACRO, 0), 25, 70, "macro");
        assertTrue(largest.containsAll(List.of(9_999L, 10_000L, 100_000L, 100_001L)), "boundary counts missing");
    }

    @Test
    void channelsAreOnDifferentPlatformsMostlyInstagramAndTikTok() {
        Map<Platform, Integer> byPlatform = new EnumMap<>(Platform.class);
        for (InfluencerCreate creator : catalogue) {
            List<ChannelInput> channels = creator.channels();
            assertTrue(channels.size() >= 1 && channels.size() <= 3);
            assertEquals(channels.size(), channels.stream().map(ChannelInput::platform).distinct().count());
            channels.forEach(c -> byPlatform.merge(c.platform(), 1, Integer::sum));
            channels.forEach(c -> assertTrue(c.following() >= 0));
        }
        int all = byPlatform.values().stream().mapToInt(Integer::intValue).sum();
        int instagramAndTikTok = byPlatform.get(Platform.INSTAGRAM) + byPlatform.get(Platform.TIKTOK);
        assertTrue(instagramAndTikTok > all / 2, byPlatform.toString());
        assertEquals(Platform.values().length, byPlatform.size(), "every platform appears: " + byPlatform);
        assertTrue(channels().anyMatch(c -> Boolean.TRUE.equals(c.verified())), "some verified");
        assertTrue(channels().anyMatch(c -> Boolean.FALSE.equals(c.verified())), "some not verified");
    }

    @Test
    void handlesAreUniquePerPlatformIgnoringCase() {
        Set<String> seen = new HashSet<>();
        channels().forEach(c -> {
            assertTrue(c.handle().matches("[a-z0-9._]+"), c.handle());
            assertTrue(seen.add(c.platform() + "/" + c.handle().toLowerCase(Locale.ROOT)), "repeated " + c.handle());
        });
    }

    @Test
    void audienceSharesAreValidSumToAtMostOneAndTheHomeCountryLeads() {
        long known = 0;
        for (InfluencerCreate creator : catalogue) {
            for (ChannelInput channel : creator.channels()) {
                Audience audience = channel.audience();
                if (audience == null) {
                    continue;
                }
                known++;
                assertEquals(List.of(), AudienceRules.check("audience", audience));
                for (Map<String, Double> shares : List.of(audience.genderShares(), audience.ageShares(),
                        audience.countryShares())) {
                    double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
                    assertTrue(sum <= 1 + 1e-9, "shares sum to " + sum + ": " + shares);
                }
                double home = audience.countryShares().get(creator.country());
                assertTrue(audience.countryShares().values().stream().allMatch(s -> s <= home), audience.countryShares().toString());
            }
        }
        assertTrue(known > channels().count() / 2, "most channels have an audience");
    }

    @Test
    void mostButNotAllHaveContactAndRateCardInTheHomeCurrency() {
        Map<String, String> currencyOf = Map.of("ID", "IDR", "MY", "MYR", "SG", "SGD", "PH", "PHP", "TH", "THB", "VN", "VND");
        long withEmail = catalogue.stream().filter(c -> c.contactEmail() != null).count();
        long withRate = catalogue.stream().filter(c -> c.rateCard() != null).count();
        assertBetween((int) withEmail, COUNT / 2, COUNT - 1, "with e-mail");
        assertBetween((int) withRate, COUNT / 2, COUNT - 1, "with rate card");
        catalogue.stream().filter(c -> c.rateCard() != null)
                .forEach(c -> assertEquals(currencyOf.get(c.country()), c.rateCard().currency(), c.displayName()));
        assertEquals(currencyOf.keySet(), catalogue.stream().map(InfluencerCreate::country).collect(Collectors.toSet()));
    }

    @Test
    void pricesGrowWithFollowers() {
        TierPolicy tiers = new TierPolicy(10_000, 100_000);
        Map<Tier, List<BigDecimal>> idrByTier = catalogue.stream()
                .filter(c -> c.rateCard() != null && c.country().equals("ID"))
                .collect(Collectors.groupingBy(c -> tiers.classify(largestFollowers(c)),
                        Collectors.mapping(c -> c.rateCard().pricePerPost(), Collectors.toList())));
        assertTrue(median(idrByTier.get(Tier.NANO)).compareTo(median(idrByTier.get(Tier.MICRO))) < 0);
        assertTrue(median(idrByTier.get(Tier.MICRO)).compareTo(median(idrByTier.get(Tier.MACRO))) < 0);
    }

    @Test
    void languagesFitTheCountry() {
        Map<String, Set<String>> allowed = Map.of("ID", Set.of("id", "en"), "MY", Set.of("ms", "en"),
                "SG", Set.of("en", "ms"), "PH", Set.of("tl", "en"), "TH", Set.of("th", "en"), "VN", Set.of("vi", "en"));
        for (InfluencerCreate creator : catalogue) {
            assertTrue(allowed.get(creator.country()).containsAll(creator.languages()), creator.languages().toString());
            assertEquals(creator.languages().size(), new HashSet<>(creator.languages()).size());
        }
    }

    @Test
    void batikAndModestFashionOnlyWhereTheyAreAtHome() {
        Map<String, Set<String>> homes = Map.of("batik", Set.of("ID", "MY"), "modest-fashion", Set.of("ID", "MY", "SG"));
        for (InfluencerCreate creator : catalogue) {
            for (NicheWeight niche : creator.niches()) {
                Set<String> countries = homes.get(niche.niche());
                assertTrue(countries == null || countries.contains(creator.country()),
                        niche.niche() + " in " + creator.country());
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    static Set<String> seedTaxonomy() throws IOException {
        try (InputStream in = DemoCatalogueTest.class.getResourceAsStream("/db/migration/V2__niche_taxonomy.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher row = Pattern.compile("\\(\\s*'([a-z0-9-]+)'\\s*,").matcher(sql);
            Set<String> slugs = new HashSet<>();
            while (row.find()) {
                slugs.add(row.group(1));
            }
            return slugs;
        }
    }

    static long largestFollowers(InfluencerCreate creator) {
        return creator.channels().stream().mapToLong(ChannelInput::followers).max().orElseThrow();
    }

    static java.util.stream.Stream<ChannelInput> channels() {
        return catalogue.stream().flatMap(c -> c.channels().stream());
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void assertBetween(int actual, int min, int max, String what) {
        assertTrue(actual >= min && actual <= max, what + ": " + actual + " not in [" + min + ", " + max + "]");
    }
}
