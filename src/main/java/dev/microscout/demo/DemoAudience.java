package dev.microscout.demo;

import dev.microscout.influencer.Audience;
import dev.microscout.influencer.AudienceRules;
import dev.microscout.influencer.Platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Audience demographics of a demo channel. The gender mix follows the niche, the ages the platform
 * (TikTok younger, Facebook older) and the countries the creator's home, which always dominates.
 */
final class DemoAudience {

    /** Relative weight of each age range of {@link AudienceRules#AGE_RANGES}, by platform. */
    private static final Map<Platform, double[]> AGE_PROFILES = Map.of(
            Platform.TIKTOK, new double[]{10, 38, 30, 13, 6, 3},
            Platform.INSTAGRAM, new double[]{5, 33, 37, 16, 6, 3},
            Platform.YOUTUBE, new double[]{7, 28, 32, 18, 9, 6},
            Platform.X, new double[]{4, 30, 36, 18, 8, 4},
            Platform.FACEBOOK, new double[]{2, 18, 32, 24, 14, 10});

    private DemoAudience() {
    }

    static Audience of(SplittableRandom random, DemoCountry home, DemoNiche niche, Platform platform) {
        return new Audience(genderShares(random, niche.femaleShare()), ageShares(random, platform),
                countryShares(random, home));
    }

    static Map<String, Double> genderShares(SplittableRandom random, double typicalFemaleShare) {
        double female = Math.min(0.95, Math.max(0.05, typicalFemaleShare + (random.nextDouble() - 0.5) * 0.2));
        double other = random.nextDouble() * 0.02;
        return shares(List.of("female", "male", "other"), new double[]{female, 1 - female - other, other});
    }

    static Map<String, Double> ageShares(SplittableRandom random, Platform platform) {
        double[] profile = AGE_PROFILES.get(platform);
        double[] weights = new double[profile.length];
        for (int i = 0; i < profile.length; i++) {
            weights[i] = profile[i] * (0.6 + 0.8 * random.nextDouble());
        }
        // Platforms report ages for most followers but rarely for all of them.
        double known = 0.93 + 0.07 * random.nextDouble();
        return shares(AudienceRules.AGE_RANGES, scaleToSum(weights, known));
    }

    static Map<String, Double> countryShares(SplittableRandom random, DemoCountry home) {
        List<String> keys = new ArrayList<>();
        keys.add(home.code());
        List<String> abroad = new ArrayList<>(home.neighbours());
        int abroadCount = Math.min(abroad.size(), 2 + random.nextInt(2));
        for (int i = 0; i < abroadCount; i++) {
            keys.add(abroad.remove(random.nextInt(abroad.size())));
        }
        double homeShare = 0.62 + 0.3 * random.nextDouble();
        double[] abroadWeights = new double[abroadCount];
        for (int i = 0; i < abroadCount; i++) {
            abroadWeights[i] = 0.2 + random.nextDouble();
        }
        double[] abroadShares = scaleToSum(abroadWeights, (1 - homeShare) * (0.6 + 0.35 * random.nextDouble()));
        double[] values = new double[keys.size()];
        values[0] = homeShare;
        System.arraycopy(abroadShares, 0, values, 1, abroadCount);
        return shares(keys, values);
    }

    private static double[] scaleToSum(double[] weights, double sum) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] scaled = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            scaled[i] = weights[i] / total * sum;
        }
        return scaled;
    }

    /** Shares rounded down to basis points, so that rounding never lifts a set above 1. */
    private static Map<String, Double> shares(List<String> keys, double[] values) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            shares.put(keys.get(i), Math.floor(Math.max(0, values[i]) * 10_000) / 10_000);
        }
        return shares;
    }
}
