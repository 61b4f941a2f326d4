package dev.microscout.discovery;

import dev.microscout.common.Decimals;

import dev.microscout.influencer.Platform;
import dev.microscout.tier.Tier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The discovery score of a candidate: Σ weight × component over nicheFit, engagement, reputation
 * and (when the brief has an audience) audienceFit, each component 0–1 and the weights summing to 1,
 * so the score is 0–1 too. Each component's contribution is returned so a result shows where its
 * score comes from.
 */
public final class DiscoveryScore {

    private DiscoveryScore() {
    }

    /** The score's components; {@link #key()} is the name the API uses for each. */
    public enum Component {
        NICHE_FIT("nicheFit"), ENGAGEMENT("engagement"), REPUTATION("reputation"), AUDIENCE_FIT("audienceFit");

        private final String key;

        Component(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * A candidate's component values, each 0–1.
     *
     * @param audienceFit null when the brief has no audience
     */
    public record Components(double nicheFit, double engagement, double reputation, Double audienceFit) {

        public Components {
            requireShare("nicheFit", nicheFit);
            requireShare("engagement", engagement);
            requireShare("reputation", reputation);
            if (audienceFit != null) {
                requireShare("audienceFit", audienceFit);
            }
        }

        /** The component's value, or null for an audienceFit the brief did not ask for. */
        public Double value(Component component) {
            return switch (component) {
                case NICHE_FIT -> nicheFit;
                case ENGAGEMENT -> engagement;
                case REPUTATION -> reputation;
                case AUDIENCE_FIT -> audienceFit;
            };
        }

        private static void requireShare(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
            }
        }
    }

    /** What one component adds to the score: weight × value. */
    public record Contribution(Component component, double value, double weight, double contribution) {
    }

    /** The score (0–1) and its contributions, in {@link Component} order. */
    public record Result(double score, List<Contribution> contributions) {
    }

    /**
     * @throws IllegalArgumentException when audienceFit has a weight but no value: the weights were
     *                                  resolved for a brief with an audience and the components without
     */
    public static Result score(Components components, ScoreWeights weights) {
        List<Contribution> contributions = new ArrayList<>();
        double score = 0;
        for (Component component : Component.values()) {
            Double value = components.value(component);
            double weight = weights.weight(component);
            if (value == null) {
                if (weight > 0) {
                    throw new IllegalArgumentException(component.key() + " has weight " + weight + " but no value");
                }
                continue;
            }
            double contribution = weight * value;
            contributions.add(new Contribution(component, value, weight, contribution));
            score += contribution;
        }
        // Weights sum to 1 only within rounding; keep the score inside [0, 1].
        return new Result(Math.min(1, score), List.copyOf(contributions));
    }

    /**
     * What the engagement component rests on, as the channel's metrics give it.
     *
     * @param engagementRate       median engagement per post / followers; null when the sample is too small
     * @param engagementPercentile share (0–1) of channels of the same platform and tier with a lower rate
     * @param postsInWindow        posts in the metrics window
     * @param windowDays           length of the metrics window
     */
    public record EngagementFacts(Platform platform, Tier tier, Double engagementRate, Double engagementPercentile,
                                  boolean sampleTooSmall, int postsInWindow, int windowDays) {
    }

    /** The engagement component (0–1) and its reason. */
    public record Engagement(double value, String reason) {
    }

    /**
     * engagement = engagementPercentile; 0 when the sample is too small to judge (a channel with two
     * posts must not rank on luck) or when no percentile has been computed yet.
     */
    public static Engagement engagement(EngagementFacts facts) {
        if (facts.sampleTooSmall()) {
            return new Engagement(0, "Too few posts to judge engagement (" + facts.postsInWindow() + " in the last "
                    + facts.windowDays() + " days): engagement counts 0");
        }
        Double percentile = facts.engagementPercentile();
        if (percentile == null) {
            return new Engagement(0, "No engagement percentile yet: engagement counts 0");
        }
        // The percentile reads as a whole percent, as ranks usually do; rates keep one decimal.
        String peers = "higher than " + Decimals.fixed(percentile * 100, 0) + " % of " + facts.platform().displayName() + " "
                + facts.tier().name().toLowerCase(Locale.ROOT) + " creators";
        String reason = facts.engagementRate() == null
                ? "Engagement " + peers
                : "Engagement rate " + Decimals.fixed(facts.engagementRate() * 100, 1) + " %, " + peers;
        return new Engagement(percentile, reason);
    }
}
