package dev.microscout.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.microscout.common.CurrencyCode;
import dev.microscout.common.NotAfter;
import dev.microscout.common.NotBefore;
import dev.microscout.discovery.SearchBrief;
import dev.microscout.discovery.SearchResults;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** API records of campaigns, their shortlists and results. */
public final class CampaignViews {
    private CampaignViews() {
    }

    /** numeric(14, 2): what a budget, a price or a cost can hold. */
    static final String MAX_AMOUNT = "999999999999.99";

    @Schema(name = "Amount", description = "An amount of money in a currency.")
    public record Amount(
            @NotNull @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 12, fraction = 2)
            @Schema(description = "From 0 to 999,999,999,999.99, at most 2 decimals.", required = true, examples = "150000000") BigDecimal amount,
            @NotNull @CurrencyCode @Schema(description = "ISO 4217 code.", required = true, examples = "IDR") String currency) {
    }

    @Schema(name = "CampaignCreate", description = "A new campaign: it starts as DRAFT.")
    public record CampaignCreate(
            @NotBlank @Size(max = 200) @Schema(required = true, maxLength = 200, examples = "Kopi Senja — Ramadan launch") String name,
            @NotNull @Valid @Schema(description = "What the campaign looks for, validated as a search brief; page and size are not "
                    + "kept (the recommendations take them per request).", required = true) SearchBrief brief,
            @NotNull @Valid @Schema(description = "The budget; agreed prices and costs are converted into its currency.", required = true)
            Amount budget,
            @NotBefore(NotBefore.CATALOGUE_HISTORY) @NotAfter(NotAfter.PLANNING_HORIZON) @Schema(description = "First day (ISO 8601), from 2000-01-01 to 2100-12-31.", examples = "2027-02-01") LocalDate startsOn,
            @NotBefore(NotBefore.CATALOGUE_HISTORY) @NotAfter(NotAfter.PLANNING_HORIZON) @Schema(description = "Last day, on or after startsOn, to 2100-12-31.", examples = "2027-03-31") LocalDate endsOn) {
    }

    @Schema(name = "CampaignChange", description = "A campaign as it can be changed (the body a merge patch applies to). status "
            + "moves DRAFT → ACTIVE → DONE, or to CANCELLED from DRAFT or ACTIVE; any other change of status is a 409.")
    public record CampaignChange(
            @NotBlank @Size(max = 200) @Schema(maxLength = 200) String name,
            @NotNull @Valid SearchBrief brief,
            @NotNull @Valid Amount budget,
            @NotBefore(NotBefore.CATALOGUE_HISTORY) @NotAfter(NotAfter.PLANNING_HORIZON) LocalDate startsOn,
            @NotBefore(NotBefore.CATALOGUE_HISTORY) @NotAfter(NotAfter.PLANNING_HORIZON) LocalDate endsOn,
            @NotNull CampaignStatus status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Campaign", description = "A campaign of your organisation, with its shortlist's standing against the budget.")
    public record CampaignView(
            UUID id,
            @Schema(examples = "Kopi Senja — Ramadan launch") String name,
            SearchBrief brief,
            Amount budget,
            LocalDate startsOn,
            LocalDate endsOn,
            CampaignStatus status,
            OffsetDateTime statusChangedAt,
            @Schema(description = "Creators on the shortlist, by status.") java.util.Map<ShortlistStatus, Integer> shortlist,
            @Schema(description = "The sum of agreed prices, in the budget's currency.") Amount committed,
            @Schema(description = "Budget left after the agreed prices (negative when they exceed it).") Amount remaining,
            @Schema(description = "Warnings, e.g. agreed prices over the budget. A warning never refuses a write.") List<String> warnings,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Schema(examples = "0") long version) {
    }

    @Schema(name = "CampaignPage", description = "One page of campaigns, newest first.")
    public record CampaignPage(List<CampaignView> items, int page, int size, long total) {
    }

    @Schema(name = "ShortlistPut", description = "A creator put on (or changed on) a campaign's shortlist. Every field is optional.")
    public record ShortlistPut(
            @Schema(description = "The channel hired; by default the creator's best channel for the brief (or their largest).")
            UUID channelId,
            @Schema(description = "SHORTLISTED (default) → CONTACTED → CONTRACTED, or REJECTED before a contract (a rejected "
                    + "creator may be shortlisted again).") ShortlistStatus status,
            @Size(max = 2000) @Schema(maxLength = 2000, examples = "Asked for two reels and a story; answers within a day.") String note,
            @Valid @Schema(description = "The price agreed for the collaboration, in any currency: it is converted into the "
                    + "budget's with your organisation's exchange rates.") Amount agreedPrice) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ShortlistEntry", description = "A creator on the shortlist, with the score, components and reasons they had "
            + "when shortlisted (kept as they were).")
    public record ShortlistEntryView(
            UUID influencerId,
            @Schema(examples = "Sari Wulandari") String displayName,
            UUID channelId,
            @Schema(examples = "INSTAGRAM") String platform,
            @Schema(examples = "sari.glow") String handle,
            ShortlistStatus status,
            String note,
            Amount agreedPrice,
            @Schema(description = "The agreed price in the budget's currency.") Amount agreedInBudget,
            @Schema(description = "How the price was converted, e.g. \"1 USD = 15800 IDR (your organisation's rate)\".") String conversion,
            @Schema(description = "The score when shortlisted; absent when the creator was not among the brief's candidates.")
            Double score,
            SearchResults.Components components,
            SearchResults.AppliedWeights weights,
            List<String> reasons,
            OffsetDateTime shortlistedAt,
            OffsetDateTime updatedAt,
            @Schema(examples = "0") long version) {
    }

    @Schema(name = "ShortlistWrite", description = "The entry written, and the campaign's standing against its budget.")
    public record ShortlistWritten(ShortlistEntryView entry, Amount budget, Amount committed, Amount remaining, List<String> warnings) {
    }

    @Schema(name = "ShortlistPage", description = "A campaign's shortlist, in the order creators were shortlisted.")
    public record ShortlistPage(List<ShortlistEntryView> items, int page, int size, long total, Amount budget, Amount committed,
                                Amount remaining, List<String> warnings) {
    }

    @Schema(name = "ResultInput", description = "What one post of a contracted creator delivered, and what it cost. A second "
            + "result for the same creator and post replaces the first.")
    public record ResultInput(
            @NotNull @Schema(required = true) UUID influencerId,
            @NotBlank @Size(max = 500) @Schema(description = "The post: its URL or the platform's id.", required = true, maxLength = 500,
                    examples = "https://www.instagram.com/p/C9xYz12AbCd/") String post,
            @NotBefore(NotBefore.CATALOGUE_HISTORY) @dev.microscout.common.NotInFuture
            @Schema(description = "When the post went live: from 2000-01-01, not in the future.", examples = "2026-11-14") LocalDate postedOn,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "40000") Long views,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "25000") Long reach,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "1800") Long likes,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "120") Long comments,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "300") Long saves,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "80") Long shares,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "150") Long linkClicks,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "20") Long dms,
            @NotNull @Min(0) @Max(100_000_000_000L) @Schema(required = true, examples = "30") Long conversions,
            @NotNull @Valid @Schema(description = "What the post cost, in any currency (converted into the budget's).", required = true)
            Amount cost) {
    }

    @Schema(name = "ResultBatch", description = "Results of posts, 1 to 100 at a time.")
    public record ResultBatch(@NotEmpty @Size(max = 100) @Schema(required = true) List<@NotNull @Valid ResultInput> results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CampaignFigures", description = "Sums and the ratios of the sums: CPM = cost / views × 1,000; cost per "
            + "engagement = cost / (likes + comments + saves + shares); cost per micro-conversion = cost / (saves + shares + "
            + "linkClicks + dms); engagement rate = engagements / reach; conversion rate = conversions / linkClicks. A ratio "
            + "whose divisor is 0 is absent. Costs are in the budget's currency.")
    public record Figures(long posts, long views, long reach, long likes, long comments, long saves, long shares, long linkClicks,
                          long dms, long conversions, long engagements, long microConversions,
                          @Schema(examples = "2500000.00") BigDecimal cost,
                          @Schema(examples = "62500.0000") BigDecimal cpm,
                          @Schema(examples = "1086.9565") BigDecimal costPerEngagement,
                          @Schema(examples = "4545.4545") BigDecimal costPerMicroConversion,
                          @Schema(examples = "0.092000") BigDecimal engagementRate,
                          @Schema(examples = "0.200000") BigDecimal conversionRate) {

        static Figures of(CampaignFigures.Counts c) {
            CampaignFigures.Ratios r = CampaignFigures.of(c);
            return new Figures(c.posts(), c.views(), c.reach(), c.likes(), c.comments(), c.saves(), c.shares(), c.linkClicks(),
                    c.dms(), c.conversions(), c.engagements(), c.microConversions(), c.cost(), r.cpm(), r.costPerEngagement(),
                    r.costPerMicroConversion(), r.engagementRate(), r.conversionRate());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CreatorReport", description = "One contracted creator's results.")
    public record CreatorReport(UUID influencerId, String displayName, UUID channelId, String platform, String handle,
                                Amount agreedInBudget, Figures figures,
                                @Schema(description = "Your review of the creator for this campaign, once written.") UUID reviewId) {
    }

    @Schema(name = "CampaignReport", description = "What a campaign delivered: per contracted creator and in total.")
    public record CampaignReport(UUID campaignId, String name, CampaignStatus status, Amount budget, Amount committed,
                                 Amount spent, List<CreatorReport> creators, Figures total, List<String> warnings) {
    }
}
