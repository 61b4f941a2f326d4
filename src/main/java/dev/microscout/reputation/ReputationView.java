package dev.microscout.reputation;

import dev.microscout.influencer.Platform;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Reputation", description = "An influencer's reputation (0–1) and every figure behind it: "
        + "reputation = clamp01(bayesianScore × authenticityFactor − penalty).")
public record ReputationView(
        UUID influencerId,
        @Schema(description = "0–1: bayesianScore × authenticityFactor − penalty, clamped to [0, 1].", examples = "0.68445")
        double reputation,
        @Schema(description = "Reviews counted.", examples = "20") int reviewCount,
        @Schema(description = "Plain mean of the reviews' mean ratings (1–5); absent without reviews.", examples = "4.6")
        Double averageRating,
        @Schema(description = "m: the rating a creator without reviews is assumed to have.", examples = "3.5") double priorMean,
        @Schema(description = "C: how many reviews the prior is worth.", examples = "5") int priorWeight,
        @Schema(description = "(C·m + Σ review mean) / (C + n): the average shrunk toward the prior, on the 1–5 scale.",
                examples = "4.38")
        double bayesianMean,
        @Schema(description = "bayesianMean mapped onto 0–1 as (x − 1) / 4.", examples = "0.845") double bayesianScore,
        @Schema(description = "The authenticity used (0–100): the lowest of the channels with data; 100 when none has data.",
                examples = "62")
        double authenticity,
        @Schema(description = "The channel that authenticity comes from; absent when no channel has data yet.")
        ChannelAuthenticityView authenticityChannel,
        @Schema(description = "0.5 + 0.5 × authenticity / 100.", examples = "0.81") double authenticityFactor,
        @Schema(description = "Every channel with its authenticity; a channel without data yet counts as 100.")
        List<ChannelAuthenticityView> channels,
        @Schema(description = "Incidents that occurred on or after this date count while unresolved (today minus 24 months, UTC).")
        LocalDate incidentsCountedFrom,
        @Schema(description = "Each incident that lowers the reputation, with what it takes off.") List<PenaltyView> penalties,
        @Schema(description = "Sum of the penalties.", examples = "0") double penalty,
        @Schema(description = "The same, in plain words.",
                examples = "[\"4.60 average over 20 reviews, shrunk to 4.38 toward the prior 3.5\", "
                        + "\"Authenticity 62 (lowest channel, TikTok @sari.glow): factor 0.81\", "
                        + "\"Reputation 0.68 = 0.85 × 0.81 - 0.00\"]")
        List<String> reasons,
        @Schema(description = "When this figure was computed.") OffsetDateTime computedAt) {

    @Schema(name = "ReputationChannel", description = "One channel's authenticity as the reputation uses it.")
    public record ChannelAuthenticityView(
            UUID channelId,
            @Schema(examples = "TIKTOK") Platform platform,
            @Schema(examples = "sari.glow") String handle,
            @Schema(description = "0–100; absent while the channel has no data (it then counts as 100).", examples = "62")
            Double authenticity) {
    }

    @Schema(name = "ReputationPenalty", description = "An unresolved incident of the last 24 months and what it takes off.")
    public record PenaltyView(
            UUID incidentId,
            @Schema(examples = "undisclosed-ad") String kind,
            @Schema(examples = "MEDIUM") IncidentSeverity severity,
            LocalDate occurredOn,
            @Schema(examples = "0.25") double penalty) {
    }
}
