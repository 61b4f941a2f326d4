package dev.microscout.demo;

import dev.microscout.influencer.ChannelInput;
import dev.microscout.influencer.InfluencerCreate;
import dev.microscout.influencer.NicheWeight;
import dev.microscout.influencer.RateCard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Realistic demo creators from Indonesia and its neighbours (Malaysia, Singapore, the Philippines, Thailand,
 * Vietnam), generated from a seed. Plain Java, no framework and no database.
 *
 * <p>Creator {@code i} depends only on the seed and {@code i}: {@link #influencer(int)} returns the same
 * record every time, and the first {@code n} creators are the same whatever the count asked for. Each part of
 * a creator draws from its own stream ({@link #random(int, String)}), so adding data later (posts, follower
 * snapshots) under a new stream name leaves the existing creators unchanged.
 *
 * <p>What a catalogue of 300 (the default) holds: every niche of the seed taxonomy as a main niche (the first
 * 27 creators take one each, in an order shuffled by the seed), 1 to 3 niches per creator, 1 to 3 channels on different platforms, the three tiers in roughly 45/40/15 proportions with some
 * creators exactly on the boundaries, and handles unique per platform.
 */
public final class DemoCatalogue {

    static final double CONTACT_SHARE = 0.75;
    static final double RATE_CARD_SHARE = 0.8;

    private final long seed;
    private final List<DemoNiche> mainNicheOrder;

    public DemoCatalogue(long seed) {
        this.seed = seed;
        this.mainNicheOrder = shuffled(DemoNiche.ALL, random(-1, "main-niche-order"));
    }

    public long seed() {
        return seed;
    }

    /** Creators 0 to {@code count - 1}. */
    public List<InfluencerCreate> influencers(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        return IntStream.range(0, count).mapToObj(this::influencer).toList();
    }

    /** Creator number {@code index} (from 0) of this seed's catalogue. */
    public InfluencerCreate influencer(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        SplittableRandom random = random(index, "profile");
        DemoNiche main = mainNiche(random, index);
        DemoCountry country = DemoCountry.pick(random, main);
        List<DemoNiche> niches = niches(random, main, country);
        DemoPerson person = DemoPerson.of(random, country, 0.15 + 0.75 * niches.get(0).femaleShare());
        String handle = person.handle(random, niches.get(0), index + 1);
        String city = city(random, country);
        String email = random.nextDouble() < CONTACT_SHARE ? DemoPerson.email(random, handle) : null;
        List<ChannelInput> channels = DemoChannels.of(random(index, "channels"), random(index, "audience"),
                index, handle, country, niches.get(0));
        return new InfluencerCreate(person.displayName(), DemoBio.of(random, niches, country, city, email != null),
                country.code(), city, languages(random, country), email, weights(random, niches),
                rateCard(random(index, "rate-card"), country, channels), channels);
    }

    /**
     * A random stream of creator {@code index} for one purpose ("profile", "channels", "posts", …): the same
     * seed, index and purpose always give the same stream, and different purposes independent ones.
     */
    public SplittableRandom random(int index, String purpose) {
        long mixed = mix(seed + 0x9E3779B97F4A7C15L * (index + 1L));
        return new SplittableRandom(mix(mixed ^ purpose.hashCode()));
    }

    /** The first creators take every niche once, so that even a small catalogue covers the taxonomy. */
    DemoNiche mainNiche(SplittableRandom random, int index) {
        return index < mainNicheOrder.size() ? mainNicheOrder.get(index) : DemoNiche.pick(random);
    }

    /** The main niche first, then up to two more, mostly related ones, that fit the creator's country. */
    static List<DemoNiche> niches(SplittableRandom random, DemoNiche main, DemoCountry country) {
        double u = random.nextDouble();
        int count = u < 0.45 ? 1 : u < 0.8 ? 2 : 3;
        Set<DemoNiche> chosen = new LinkedHashSet<>(List.of(main));
        while (chosen.size() < count) {
            List<DemoNiche> related = main.related().stream().map(DemoNiche::bySlug)
                    .filter(n -> !chosen.contains(n) && n.fits(country)).toList();
            // Now and then something unrelated, as people have hobbies.
            chosen.add(related.isEmpty() || random.nextDouble() < 0.1
                    ? DemoNiche.pick(random, country) : DemoPerson.pickOne(random, related));
        }
        return List.copyOf(chosen);
    }

    /** Weights in hundredths, each at least 0.05, summing to at most 1. The main niche weighs most. */
    static List<NicheWeight> weights(SplittableRandom random, List<DemoNiche> niches) {
        double[] w = switch (niches.size()) {
            case 1 -> new double[]{between(random, 0.7, 1.0)};
            case 2 -> {
                double first = between(random, 0.5, 0.75);
                yield new double[]{first, between(random, 0.1, 0.95 - first)};
            }
            default -> {
                double first = between(random, 0.4, 0.6);
                double second = between(random, 0.15, 0.3);
                yield new double[]{first, second, between(random, 0.05, Math.min(0.2, 0.98 - first - second))};
            }
        };
        List<NicheWeight> weights = new ArrayList<>();
        for (int i = 0; i < niches.size(); i++) {
            weights.add(new NicheWeight(niches.get(i).slug(), Math.max(0.05, Math.floor(w[i] * 100) / 100)));
        }
        return weights;
    }

    static List<String> languages(SplittableRandom random, DemoCountry country) {
        return random.nextDouble() < country.secondLanguageShare()
                ? List.of(country.language(), country.secondLanguage())
                : List.of(country.language());
    }

    /** The largest city is the most common home; the others share the rest. */
    static String city(SplittableRandom random, DemoCountry country) {
        return random.nextDouble() < 0.35 ? country.cities().get(0) : DemoPerson.pickOne(random, country.cities());
    }

    static RateCard rateCard(SplittableRandom random, DemoCountry country, List<ChannelInput> channels) {
        if (random.nextDouble() >= RATE_CARD_SHARE) {
            return null;
        }
        long largest = channels.stream().mapToLong(ChannelInput::followers).max().orElse(0);
        return DemoRates.rateCard(random, country, largest);
    }

    private static double between(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    private static <T> List<T> shuffled(List<T> items, SplittableRandom random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            copy.set(j, copy.set(i, copy.get(j)));
        }
        return List.copyOf(copy);
    }

    /** SplitMix64's finaliser: nearby inputs (seed, index) give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
