package dev.microscout.discovery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Response records of the ranked search. */
public final class SearchResults {
    private SearchResults() {
    }

    @Schema(name = "SearchResponse", description = "One page of ranked candidates with the normalised weights used.")
    public record SearchResponse(@Schema(description = "Channels matching the brief. With onePerInfluencer a creator with several matching channels "
            + "is listed once but counted for each, so the last page may end before this number.", examples = "312") long total,
                                 @Schema(examples = "0") int page, @Schema(examples = "20") int size,
                                 @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                 @Schema(description = "With \"weights\": \"learned\": where the weights came from, or why the "
                                         + "defaults apply.", examples = "Learned from 24 collaborations of your 2 finished campaigns")
                                 String weightsNote,
                                 AppliedWeights weights, List<SearchResult> results) {
    }

    @Schema(name = "AppliedWeights", description = "The weights the score used, normalised to sum 1.")
    public record AppliedWeights(@Schema(examples = "0.4") double nicheFit, @Schema(examples = "0.35") double engagement,
                                 @Schema(examples = "0.25") double reputation, @Schema(examples = "0") double audienceFit) {
    }

    @Schema(name = "SearchResult", description = "A ranked candidate: its score, each component, and the reasons in plain words.")
    public record SearchResult(@Schema(examples = "1") int rank,
                               @Schema(description = "Σ weight × component, 0–1.", examples = "0.8123") double score,
                               Components components,
                               InfluencerSummary influencer,
                               ChannelSummary channel,
                               @Schema(description = "Why the candidate has this place, component by component, and which filters it nearly missed.")
                               List<String> reasons) {
    }

    @Schema(name = "ScoreComponents", description = "Each component 0–1 and its weighted contribution.")
    public record Components(@Schema(description = "Cosine of the brief's and the creator's tree-expanded niche vectors.") double nicheFit,
                             @Schema(description = "Engagement percentile among channels of the same platform and tier (0 when the sample is too small).")
                             double engagement,
                             @Schema(description = "Reputation of the creator (reviews, authenticity, incidents).") double reputation,
                             @Schema(description = "Share of the audience in the target countries × gender × ages; absent without an audience in the brief.")
                             Double audienceFit,
                             List<Contribution> contributions) {
    }

    @Schema(name = "ScoreContribution")
    public record Contribution(@Schema(examples = "nicheFit") String component, double value, double weight,
                               @Schema(description = "weight × value") double contribution) {
    }

    @Schema(name = "InfluencerSummary")
    public record InfluencerSummary(UUID id, @Schema(examples = "Sari Wulandari") String displayName,
                                    @Schema(examples = "ID") String country, @Schema(examples = "Bandung") String city,
                                    List<String> niches, RateCardSummary rateCard) {
    }

    @Schema(name = "RateCardSummary")
    public record RateCardSummary(String currency, BigDecimal pricePerPost,
                                  @Schema(description = "The price in the brief's currency, when the brief has maxPricePerPost.") BigDecimal inBriefCurrency) {
    }

    @Schema(name = "ChannelSummary")
    public record ChannelSummary(UUID id, @Schema(examples = "INSTAGRAM") String platform, @Schema(examples = "sari.glow") String handle,
                                 @Schema(examples = "MICRO") String tier, @Schema(examples = "48200") long followers,
                                 @Schema(examples = "0.064") Double engagementRate, @Schema(examples = "0.88") Double engagementPercentile,
                                 @Schema(examples = "100") int authenticity, @Schema(examples = "24") int postsInWindow,
                                 boolean sampleTooSmall) {
    }
}
