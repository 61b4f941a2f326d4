package dev.microscout.discovery;

import dev.microscout.discovery.SearchResults.ChannelSummary;
import dev.microscout.discovery.SearchResults.Contribution;
import dev.microscout.discovery.SearchResults.InfluencerSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Response records of the lookalike search. */
public final class LookalikeResults {
    private LookalikeResults() {
    }

    @Schema(name = "LookalikeResponse", description = "Channels most like the given one, best first.")
    public record LookalikeResponse(UUID sourceChannelId, @Schema(examples = "57") long total, int page, int size,
                                    @Schema(description = "Weights of the similarity components.") LookalikeWeights weights,
                                    List<LookalikeResult> results) {
    }

    @Schema(name = "LookalikeWeights")
    public record LookalikeWeights(@Schema(examples = "0.5") double nicheFit, @Schema(examples = "0.25") double followerNearness,
                                   @Schema(examples = "0.25") double audienceOverlap) {
    }

    @Schema(name = "LookalikeResult")
    public record LookalikeResult(int rank, @Schema(description = "Σ weight × component, 0–1.") double score,
                                  LookalikeComponents components, InfluencerSummary influencer, ChannelSummary channel,
                                  List<String> reasons) {
    }

    @Schema(name = "LookalikeComponents")
    public record LookalikeComponents(
            @Schema(description = "Cosine of the two creators' tree-expanded niche vectors.") double nicheFit,
            @Schema(description = "1 − |ln(followers) − ln(source followers)| / ln 10, at least 0: 1 at the same size, 0 at ten times more or less.")
            double followerNearness,
            @Schema(description = "Σ over countries of the smaller of the two audience shares; absent when either has no country data.")
            Double audienceOverlap,
            List<Contribution> contributions) {
    }
}
