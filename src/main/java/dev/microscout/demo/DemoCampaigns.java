package dev.microscout.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.campaign.CampaignService;
import dev.microscout.campaign.CampaignStatus;
import dev.microscout.campaign.CampaignViews.Amount;
import dev.microscout.campaign.CampaignViews.CampaignCreate;
import dev.microscout.campaign.CampaignViews.CampaignView;
import dev.microscout.campaign.CampaignViews.ResultBatch;
import dev.microscout.campaign.CampaignViews.ResultInput;
import dev.microscout.campaign.CampaignViews.ShortlistPut;
import dev.microscout.campaign.ResultService;
import dev.microscout.campaign.ShortlistService;
import dev.microscout.campaign.ShortlistStatus;
import dev.microscout.discovery.SearchBrief;
import dev.microscout.discovery.SearchResults.SearchResult;
import dev.microscout.influencer.NicheWeight;
import dev.microscout.reputation.ReviewCreate;
import dev.microscout.reputation.ReviewService;
import dev.microscout.security.TenantScope;
import dev.microscout.tier.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo organisation's campaigns, so that every campaign endpoint answers with real data in the Swagger UI: two
 * finished campaigns with contracted creators, their posts' results and reviews (enough collaborations for the
 * insights to answer), and an active one with a shortlist in progress. Made through the campaign services, as an
 * agency's requests would make them; what the posts delivered is generated from a seed, and follows the ranking's
 * components with noise, as real outcomes would.
 */
@ApplicationScoped
public class DemoCampaigns {

    /** Contracted creators per finished campaign (two of them: 24 collaborations, above the insights' 20). */
    static final int CONTRACTED = 12;

    @Inject
    CampaignService campaigns;
    @Inject
    ShortlistService shortlist;
    @Inject
    ResultService results;
    @Inject
    ReviewService reviews;
    @Inject
    ObjectMapper json;

    private record Plan(String name, List<NicheWeight> niches, long budget, LocalDate startsOn, LocalDate endsOn) {
    }

    /** Creates the campaigns for the organisation, unless it has campaigns already; answers how many were made. */
    public int load(UUID organisationId, long seed) {
        return TenantScope.actingFor(organisationId, () -> {
            if (campaigns.list(null, 0, 1).total() > 0) {
                return 0;
            }
            Random random = new Random(seed ^ 0x5EEDCA3BL);
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            finished(organisationId, random, new Plan("Kopi Senja — Ramadan launch",
                    List.of(new NicheWeight("food", 0.7), new NicheWeight("street-food", 0.3)), 150_000_000,
                    today.minusDays(150), today.minusDays(100)));
            finished(organisationId, random, new Plan("Glow Lab — dry season skincare",
                    List.of(new NicheWeight("skincare", 0.8), new NicheWeight("makeup", 0.2)), 120_000_000,
                    today.minusDays(80), today.minusDays(30)));
            active(random, new Plan("Jalan Jalan — school holiday travel",
                    List.of(new NicheWeight("travel", 1.0)), 90_000_000, today.minusDays(7), today.plusDays(45)));
            return 3;
        });
    }

    private static SearchBrief brief(Plan plan) {
        return new SearchBrief(plan.niches(), null, null, List.of(Tier.MICRO), null, null, null, null, null, null, 40,
                null, null, null, null, null, null, null, null, null);
    }

    private CampaignView create(Plan plan) {
        return campaigns.create(new CampaignCreate(plan.name(), brief(plan), new Amount(BigDecimal.valueOf(plan.budget()), "IDR"),
                plan.startsOn(), plan.endsOn()));
    }

    private void move(UUID campaign, CampaignStatus status) {
        campaigns.patch(campaign, "*", json.valueToTree(Map.of("status", status.name())));
    }

    private void finished(UUID organisationId, Random random, Plan plan) {
        UUID campaign = create(plan).id();
        move(campaign, CampaignStatus.ACTIVE);
        List<SearchResult> candidates = shortlist.recommendations(campaign, 0, CONTRACTED + 4).results();
        List<UUID> contracted = new ArrayList<>();
        List<Double> quality = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            SearchResult candidate = candidates.get(i);
            ShortlistStatus status = i < CONTRACTED ? ShortlistStatus.CONTRACTED : i % 2 == 0 ? ShortlistStatus.REJECTED : ShortlistStatus.SHORTLISTED;
            shortlist.put(campaign, candidate.influencer().id(), null, new ShortlistPut(candidate.channel().id(), status,
                    status == ShortlistStatus.REJECTED ? "Declined: fully booked for the season" : null,
                    status == ShortlistStatus.CONTRACTED ? price(candidate) : null));
            if (status == ShortlistStatus.CONTRACTED) {
                contracted.add(candidate.influencer().id());
                quality.add(record(campaign, candidate, plan, random));
            }
        }
        move(campaign, CampaignStatus.DONE);
        for (int i = 0; i < contracted.size(); i++) {
            // Collaborations that delivered more tend to be rated higher.
            int base = quality.get(i) > 0.6 ? 5 : quality.get(i) > 0.4 ? 4 : 3;
            reviews.create(organisationId, contracted.get(i), new ReviewCreate(base, Math.max(1, base - random.nextInt(2)),
                    Math.max(1, base - random.nextInt(2)), base, "Delivered " + (base >= 4 ? "on time and on brief" : "late, but the posts worked"),
                    plan.endsOn().plusDays(3), campaign));
        }
    }

    private void active(Random random, Plan plan) {
        UUID campaign = create(plan).id();
        move(campaign, CampaignStatus.ACTIVE);
        List<SearchResult> candidates = shortlist.recommendations(campaign, 0, 5).results();
        for (int i = 0; i < candidates.size(); i++) {
            SearchResult candidate = candidates.get(i);
            ShortlistStatus status = i == 0 ? ShortlistStatus.CONTRACTED : i < 3 ? ShortlistStatus.CONTACTED : ShortlistStatus.SHORTLISTED;
            shortlist.put(campaign, candidate.influencer().id(), null, new ShortlistPut(candidate.channel().id(), status,
                    status == ShortlistStatus.CONTACTED ? "Sent the brief; waiting for a rate" : null,
                    status == ShortlistStatus.CONTRACTED ? price(candidate) : null));
            if (status == ShortlistStatus.CONTRACTED) {
                record(campaign, candidate, plan, random);
            }
        }
    }

    private static LocalDate earliest(LocalDate date) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return date.isAfter(today) ? today : date;
    }

    /** A price by size, as agencies quote micro creators: about 60 rupiah a follower, in steps of 50,000. */
    private static Amount price(SearchResult candidate) {
        long followers = candidate.channel().followers();
        return new Amount(BigDecimal.valueOf(Math.max(500_000, followers * 60 / 50_000 * 50_000)), "IDR");
    }

    /**
     * Two posts' results for a contracted creator: how much their audience acted on the posts follows the ranking's
     * components (engagement most), with noise. Answers that quality (0–1).
     */
    private double record(UUID campaign, SearchResult candidate, Plan plan, Random random) {
        var c = candidate.components();
        double quality = Math.max(0, Math.min(1, 0.2 * c.nicheFit() + 0.6 * c.engagement() + 0.2 * c.reputation()
                + random.nextGaussian() * 0.08));
        long followers = Math.max(1_000, candidate.channel().followers());
        BigDecimal price = price(candidate).amount();
        List<ResultInput> posts = new ArrayList<>();
        for (int post = 1; post <= 2; post++) {
            long views = (long) (followers * (0.35 + 0.5 * random.nextDouble()));
            long reach = (long) (views * (0.6 + 0.3 * random.nextDouble()));
            double acting = 0.002 + 0.03 * quality;
            long likes = (long) (reach * (0.02 + 0.06 * quality));
            long comments = likes / 15;
            long saves = (long) (reach * acting * 0.45);
            long shares = (long) (reach * acting * 0.2);
            long linkClicks = (long) (reach * acting * 0.3);
            long dms = (long) (reach * acting * 0.05);
            long conversions = (long) (linkClicks * (0.05 + 0.15 * random.nextDouble()));
            posts.add(new ResultInput(candidate.influencer().id(), "https://www.instagram.com/p/demo-" + campaign.toString().substring(0, 8)
                    + "-" + candidate.channel().handle() + "-" + post + "/", earliest(plan.startsOn().plusDays(7L * post)), views, reach, likes,
                    comments, saves, shares, linkClicks, dms, conversions,
                    new Amount(price.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP), "IDR")));
        }
        results.record(campaign, new ResultBatch(posts));
        return quality;
    }
}
