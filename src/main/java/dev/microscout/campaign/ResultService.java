package dev.microscout.campaign;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.microscout.campaign.CampaignViews.Amount;
import dev.microscout.campaign.CampaignViews.CampaignReport;
import dev.microscout.campaign.CampaignViews.CreatorReport;
import dev.microscout.campaign.CampaignViews.Figures;
import dev.microscout.campaign.CampaignViews.ResultBatch;
import dev.microscout.campaign.CampaignViews.ResultInput;
import dev.microscout.common.Conflict;
import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import dev.microscout.influencer.Channel;
import dev.microscout.influencer.Influencer;
import dev.microscout.reputation.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a campaign's contracted creators delivered: results per post, and the report of their figures. */
@ApplicationScoped
public class ResultService {

    @Inject
    CampaignService campaigns;
    @Inject
    Conversions conversions;

    /**
     * Records results of posts of contracted creators (a result for a creator and post already recorded replaces it),
     * on an ACTIVE or DONE campaign; answers the report. A batch with any invalid result writes nothing.
     */
    @Transactional
    public CampaignReport record(UUID campaignId, ResultBatch batch) {
        Campaign campaign = writable(campaignId);
        Checked checked = check(campaign, batch.results());
        if (!checked.errors().isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            checked.errors().forEach((i, list) -> list.forEach(e -> errors.add(new FieldError("results[" + i + "]." + e.field(), e.message()))));
            throw new InvalidInput(errors);
        }
        write(campaign, batch.results(), checked.costs());
        return report(campaign);
    }

    /**
     * What an import's result lines did: per line, its errors (absent: written) and whether it changed anything; or,
     * for all of them, why the campaign takes none (refused).
     */
    public record Written(Map<Integer, List<FieldError>> errors, int created, int updated, int unchanged, String refused) {
    }

    /**
     * The import's course for results: the same rules as {@link #record}, but each result on its own, so a bad line
     * fails alone. Field names are the result's own (influencerId, post, …).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written recordEach(UUID campaignId, List<ResultInput> inputs) {
        // Answered, not thrown: an exception through this transactional method would doom the whole chunk's transaction.
        Campaign campaign = Campaign.<Campaign>find("id", campaignId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (campaign == null) {
            return new Written(Map.of(), 0, 0, 0, "no campaign " + campaignId + " of your organisation");
        }
        if (campaign.status != CampaignStatus.ACTIVE && campaign.status != CampaignStatus.DONE) {
            return new Written(Map.of(), 0, 0, 0, "campaign " + campaignId + " is " + campaign.status + ": results are recorded once it is ACTIVE");
        }
        Checked checked = check(campaign, inputs);
        List<ResultInput> good = new ArrayList<>();
        List<Conversions.Converted> costs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!checked.errors().containsKey(i)) {
                good.add(inputs.get(i));
                costs.add(checked.costs().get(i));
            }
        }
        int[] counts = write(campaign, good, costs);
        return new Written(checked.errors(), counts[0], counts[1], counts[2], null);
    }

    private Campaign writable(UUID campaignId) {
        Campaign campaign = campaigns.locked(campaignId);
        if (campaign.status != CampaignStatus.ACTIVE && campaign.status != CampaignStatus.DONE) {
            throw new Conflict("Campaign " + campaignId + " is " + campaign.status + ": results are recorded once it is ACTIVE",
                    "status", Map.of("currentStatus", campaign.status.name()));
        }
        return campaign;
    }

    /** Each result's errors by index (field names the result's own), and each cost in the budget's currency. */
    private record Checked(Map<Integer, List<FieldError>> errors, List<Conversions.Converted> costs) {
    }

    private Checked check(Campaign campaign, List<ResultInput> inputs) {
        Map<UUID, ShortlistEntry> entries = new HashMap<>();
        ShortlistEntry.<ShortlistEntry>list("campaignId", campaign.id).forEach(e -> entries.put(e.influencerId, e));
        Map<Integer, List<FieldError>> errors = new java.util.TreeMap<>();
        Set<String> seen = new HashSet<>();
        List<Conversions.Converted> costs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ResultInput r = inputs.get(i);
            List<FieldError> found = new ArrayList<>();
            ShortlistEntry entry = entries.get(r.influencerId());
            if (entry == null || entry.status != ShortlistStatus.CONTRACTED) {
                found.add(new FieldError("influencerId", entry == null
                        ? "is not on the campaign's shortlist" : "is " + entry.status + " on the campaign's shortlist: results are "
                        + "recorded for CONTRACTED creators"));
            }
            if (!seen.add(r.influencerId() + " " + r.post().strip())) {
                found.add(new FieldError("post", "repeats an earlier result (same creator and post)"));
            }
            if (r.reach() > r.views()) {
                // Either may be the wrong one: both are named.
                found.add(new FieldError("reach", "must not exceed views (" + r.views() + "): each person reached saw the post"));
                found.add(new FieldError("views", "must not be less than reach (" + r.reach() + ")"));
            }
            Conversions.Converted cost = null;
            try {
                cost = conversions.toBudget(r.cost(), campaign.budgetCurrency, "cost");
            } catch (InvalidInput e) {
                found.addAll(e.errors());
            }
            costs.add(cost);
            if (!found.isEmpty()) {
                errors.put(i, found);
            }
        }
        return new Checked(errors, costs);
    }

    /** Upserts the results by creator and post; answers how many were created, updated and left unchanged. */
    private int[] write(Campaign campaign, List<ResultInput> inputs, List<Conversions.Converted> costs) {
        OffsetDateTime now = CampaignService.now();
        int[] counts = new int[3];
        for (int i = 0; i < inputs.size(); i++) {
            ResultInput r = inputs.get(i);
            CampaignResult.Key key = new CampaignResult.Key();
            key.campaignId = campaign.id;
            key.influencerId = r.influencerId();
            key.post = r.post().strip();
            CampaignResult result = CampaignResult.findById(key);
            boolean created = result == null;
            BigDecimal amount = r.cost().amount().setScale(2, java.math.RoundingMode.HALF_UP);
            if (!created && java.util.Objects.equals(result.postedOn, r.postedOn()) && result.views == r.views() && result.reach == r.reach()
                    && result.likes == r.likes() && result.comments == r.comments() && result.saves == r.saves()
                    && result.shares == r.shares() && result.linkClicks == r.linkClicks() && result.dms == r.dms()
                    && result.conversions == r.conversions() && result.costAmount.compareTo(amount) == 0
                    && result.costCurrency.equals(r.cost().currency())) {
                counts[2]++;
                continue;
            }
            if (created) {
                result = new CampaignResult();
                result.campaignId = campaign.id;
                result.influencerId = r.influencerId();
                result.post = key.post;
                result.createdAt = now;
            }
            result.postedOn = r.postedOn();
            result.views = r.views();
            result.reach = r.reach();
            result.likes = r.likes();
            result.comments = r.comments();
            result.saves = r.saves();
            result.shares = r.shares();
            result.linkClicks = r.linkClicks();
            result.dms = r.dms();
            result.conversions = r.conversions();
            result.costAmount = amount;
            result.costCurrency = r.cost().currency();
            result.costInBudget = costs.get(i).amount();
            result.costRate = costs.get(i).rate();
            result.updatedAt = now;
            if (created) {
                result.persist();
            }
            counts[created ? 0 : 1]++;
        }
        CampaignResult.flush();
        return counts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignReport report(UUID campaignId) {
        return report(campaigns.load(campaignId));
    }

    CampaignReport report(Campaign campaign) {
        Map<UUID, CampaignFigures.Counts> byCreator = new LinkedHashMap<>();
        for (CampaignResult r : CampaignResult.<CampaignResult>list("campaignId", campaign.id)) {
            byCreator.merge(r.influencerId, r.counts(), CampaignFigures.Counts::plus);
        }
        Map<UUID, UUID> reviews = new HashMap<>();
        Review.<Review>list("organisationId = ?1 and campaignId = ?2", UUID.fromString(campaign.organisationId), campaign.id)
                .forEach(r -> reviews.put(r.influencerId, r.id));
        List<CreatorReport> creators = new ArrayList<>();
        CampaignFigures.Counts total = CampaignFigures.Counts.NONE;
        List<ShortlistEntry> entries = ShortlistEntry.<ShortlistEntry>list("campaignId = ?1 order by shortlistedAt, influencerId", campaign.id);
        for (ShortlistEntry e : entries) {
            if (e.status != ShortlistStatus.CONTRACTED && !byCreator.containsKey(e.influencerId)) {
                continue;
            }
            CampaignFigures.Counts counts = byCreator.getOrDefault(e.influencerId, CampaignFigures.Counts.NONE);
            total = total.plus(counts);
            Influencer influencer = Influencer.findById(e.influencerId);
            Channel channel = Channel.findById(e.channelId);
            creators.add(new CreatorReport(e.influencerId, influencer == null ? null : influencer.displayName, e.channelId,
                    channel == null ? null : channel.platform.name(), channel == null ? null : channel.handle,
                    e.agreedInBudget == null ? null : new Amount(e.agreedInBudget, campaign.budgetCurrency), Figures.of(counts),
                    reviews.get(e.influencerId)));
        }
        CampaignService.Budget budget = campaigns.budget(campaign);
        List<String> warnings = new ArrayList<>(budget.warnings());
        if (total.cost().compareTo(campaign.budgetAmount) > 0) {
            warnings.add("The results' costs (" + total.cost().toPlainString() + " " + campaign.budgetCurrency + ") exceed the budget ("
                    + campaign.budgetAmount.toPlainString() + " " + campaign.budgetCurrency + ")");
        }
        return new CampaignReport(campaign.id, campaign.name, campaign.status, budget.budget(), budget.committed(),
                new Amount(total.cost(), campaign.budgetCurrency), creators, Figures.of(total), warnings);
    }

    static final List<String> CSV_COLUMNS = List.of("influencerId", "displayName", "platform", "handle", "agreedInBudget", "currency",
            "posts", "views", "reach", "likes", "comments", "saves", "shares", "linkClicks", "dms", "conversions", "engagements",
            "microConversions", "cost", "cpm", "costPerEngagement", "costPerMicroConversion", "engagementRate", "conversionRate",
            "reviewId");

    /** The report as CSV: one line per contracted creator, then the campaign's total (influencerId "total"). */
    public String csv(CampaignReport report) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(CSV_COLUMNS);
            String currency = report.budget().currency();
            for (CreatorReport c : report.creators()) {
                csv.writeRecord(line(c.influencerId().toString(), c.displayName(), c.platform(), c.handle(),
                        c.agreedInBudget() == null ? null : c.agreedInBudget().amount(), currency, c.figures(),
                        c.reviewId() == null ? null : c.reviewId().toString()));
            }
            csv.writeRecord(line("total", report.name(), null, null, report.committed().amount(), currency, report.total(), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> line(String id, String name, String platform, String handle, BigDecimal agreed, String currency,
                                     Figures f, String reviewId) {
        List<String> cells = new ArrayList<>();
        cells.add(id);
        cells.add(name);
        cells.add(platform);
        cells.add(handle);
        cells.add(plain(agreed));
        cells.add(currency);
        for (long n : new long[]{f.posts(), f.views(), f.reach(), f.likes(), f.comments(), f.saves(), f.shares(), f.linkClicks(),
                f.dms(), f.conversions(), f.engagements(), f.microConversions()}) {
            cells.add(Long.toString(n));
        }
        cells.add(plain(f.cost()));
        cells.add(plain(f.cpm()));
        cells.add(plain(f.costPerEngagement()));
        cells.add(plain(f.costPerMicroConversion()));
        cells.add(plain(f.engagementRate()));
        cells.add(plain(f.conversionRate()));
        cells.add(reviewId);
        return cells.stream().map(c -> c == null ? "" : c).toList();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
