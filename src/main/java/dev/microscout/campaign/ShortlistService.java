package dev.microscout.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.campaign.CampaignViews.Amount;
import dev.microscout.campaign.CampaignViews.ShortlistEntryView;
import dev.microscout.campaign.CampaignViews.ShortlistPage;
import dev.microscout.campaign.CampaignViews.ShortlistPut;
import dev.microscout.campaign.CampaignViews.ShortlistWritten;
import dev.microscout.common.Conflict;
import dev.microscout.common.Etags;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.NotFound;
import dev.microscout.common.PreconditionRequired;
import dev.microscout.discovery.DiscoveryService;
import dev.microscout.discovery.SearchResults;
import dev.microscout.discovery.SearchResults.SearchResponse;
import dev.microscout.discovery.SearchResults.SearchResult;
import dev.microscout.discovery.SearchScope;
import dev.microscout.influencer.Channel;
import dev.microscout.influencer.Influencer;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A campaign's shortlist and its recommendations. A creator shortlisted keeps the score, components and reasons the
 * campaign's brief gave them then, so that what the collaboration delivered can later be set against the ranking.
 */
@ApplicationScoped
public class ShortlistService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    CampaignService campaigns;
    @Inject
    DiscoveryService discovery;
    @Inject
    Conversions conversions;
    @Inject
    ObjectMapper json;

    /** The brief ranked for the campaign, without the creators already on its shortlist (rejected ones included). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchResponse recommendations(UUID campaignId, int page, int size) {
        Campaign campaign = campaigns.load(campaignId);
        Set<UUID> listed = ShortlistEntry.<ShortlistEntry>list("campaignId", campaignId).stream().map(e -> e.influencerId)
                .collect(Collectors.toSet());
        return discovery.search(campaigns.brief(campaign).paged(page, size), SearchScope.excluding(listed));
    }

    /**
     * Puts a creator on the shortlist, or changes their entry. A change needs If-Match with the entry's ETag; fields
     * left out keep their value (an empty note clears the note).
     */
    @Transactional
    public Put put(UUID campaignId, UUID influencerId, String ifMatch, ShortlistPut body) {
        Campaign campaign = campaigns.locked(campaignId);
        if (campaign.status == CampaignStatus.DONE || campaign.status == CampaignStatus.CANCELLED) {
            throw new Conflict("Campaign " + campaignId + " is " + campaign.status + ": its shortlist no longer changes", "status",
                    Map.of("currentStatus", campaign.status.name()));
        }
        Influencer influencer = Influencer.findById(influencerId);
        if (influencer == null || influencer.deletion != null) {
            throw new NotFound("Influencer", influencerId);
        }
        ShortlistEntry entry = ShortlistEntry.findById(new ShortlistEntry.Key(campaignId, influencerId));
        OffsetDateTime now = CampaignService.now();
        boolean created = entry == null;
        if (created) {
            entry = new ShortlistEntry();
            entry.campaignId = campaignId;
            entry.influencerId = influencerId;
            entry.status = ShortlistStatus.SHORTLISTED;
            entry.shortlistedAt = now;
        } else {
            if (ifMatch == null || ifMatch.isBlank()) {
                throw new PreconditionRequired();
            }
            Etags.requireMatch(ifMatch, entry.version);
        }
        UUID channelId = body.channelId() != null ? body.channelId() : entry.channelId;
        if (body.channelId() != null && !isLiveChannelOf(body.channelId(), influencer)) {
            throw new InvalidInput("channelId", "is not a live channel of influencer " + influencerId);
        }
        if (created || body.channelId() != null && !body.channelId().equals(entry.channelId)) {
            keepRanking(entry, campaign, influencer, channelId);
        }
        if (body.status() != null && body.status() != entry.status) {
            if (!entry.status.canBecome(body.status())) {
                throw new Conflict("A shortlisted creator cannot go from " + entry.status + " to " + body.status()
                        + " (SHORTLISTED → CONTACTED → CONTRACTED, or REJECTED before a contract)", "status",
                        Map.of("currentStatus", entry.status.name()));
            }
            entry.status = body.status();
        }
        if (body.note() != null) {
            entry.note = body.note().isBlank() ? null : body.note().strip();
        }
        if (body.agreedPrice() != null) {
            Conversions.Converted converted = conversions.toBudget(body.agreedPrice(), campaign.budgetCurrency, "agreedPrice");
            entry.agreedAmount = body.agreedPrice().amount().setScale(2, java.math.RoundingMode.HALF_UP);
            entry.agreedCurrency = body.agreedPrice().currency();
            entry.agreedInBudget = converted.amount();
            entry.agreedRate = converted.rate();
        }
        entry.updatedAt = now;
        if (created) {
            entry.persist();
        }
        ShortlistEntry.flush();
        CampaignService.Budget budget = campaigns.budget(campaign);
        return new Put(new ShortlistWritten(view(entry, campaign), budget.budget(), budget.committed(), budget.remaining(),
                budget.warnings()), created);
    }

    /** What a PUT wrote, and whether it put the creator on the shortlist (201) rather than changed their entry. */
    public record Put(ShortlistWritten written, boolean created) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShortlistEntryView get(UUID campaignId, UUID influencerId) {
        Campaign campaign = campaigns.load(campaignId);
        return view(entry(campaignId, influencerId), campaign);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShortlistPage list(UUID campaignId, ShortlistStatus status, int page, int size) {
        Campaign campaign = campaigns.load(campaignId);
        Sort order = Sort.ascending("shortlistedAt").and("influencerId");
        var query = status == null ? ShortlistEntry.<ShortlistEntry>find("campaignId", order, campaignId)
                : ShortlistEntry.<ShortlistEntry>find("campaignId = ?1 and status = ?2", order, campaignId, status);
        long total = query.count();
        List<ShortlistEntryView> items = query.page(Page.of(page, size)).list().stream().map(e -> view(e, campaign)).toList();
        CampaignService.Budget budget = campaigns.budget(campaign);
        return new ShortlistPage(items, page, size, total, budget.budget(), budget.committed(), budget.remaining(), budget.warnings());
    }

    /** Takes a creator off the shortlist; a contracted creator with results stays (409): the results are theirs. */
    @Transactional
    public void delete(UUID campaignId, UUID influencerId, String ifMatch) {
        Campaign campaign = campaigns.locked(campaignId);
        ShortlistEntry entry = entry(campaignId, influencerId);
        if (ifMatch != null && !ifMatch.isBlank()) {
            Etags.requireMatch(ifMatch, entry.version);
        }
        if (campaign.status == CampaignStatus.DONE || CampaignResult.count("campaignId = ?1 and influencerId = ?2", campaignId, influencerId) > 0) {
            throw new Conflict("Influencer " + influencerId + " has results on campaign " + campaignId
                    + (campaign.status == CampaignStatus.DONE ? ", which is DONE" : "") + ": the entry stays with them", "influencerId", Map.of());
        }
        entry.delete();
        ShortlistEntry.flush();
    }

    ShortlistEntry entry(UUID campaignId, UUID influencerId) {
        ShortlistEntry entry = ShortlistEntry.findById(new ShortlistEntry.Key(campaignId, influencerId));
        if (entry == null) {
            throw new NotFound("Shortlist entry", influencerId);
        }
        return entry;
    }

    private static boolean isLiveChannelOf(UUID channelId, Influencer influencer) {
        return influencer.channels.stream().anyMatch(c -> c.id.equals(channelId) && c.isLive());
    }

    /**
     * Ranks the brief for this one creator and keeps what it said of the channel: its score, components, weights and
     * reasons. Without a channel named, the creator's best channel for the brief (or, when none is a candidate, their
     * largest) is the one hired.
     */
    private void keepRanking(ShortlistEntry entry, Campaign campaign, Influencer influencer, UUID channelId) {
        SearchResponse ranked = discovery.search(campaigns.brief(campaign).perChannel().paged(0, 100), SearchScope.only(influencer.id));
        SearchResult hit = ranked.results().stream()
                .filter(r -> channelId == null || r.channel().id().equals(channelId)).findFirst().orElse(null);
        if (hit != null) {
            entry.channelId = hit.channel().id();
            entry.score = hit.score();
            entry.components = write(new StoredComponents(hit.components().nicheFit(), hit.components().engagement(),
                    hit.components().reputation(), hit.components().audienceFit()));
            entry.weights = write(ranked.weights());
            entry.reasons = write(hit.reasons());
            return;
        }
        Channel channel = channelId != null ? Channel.findById(channelId)
                : influencer.channels.stream().filter(Channel::isLive).max(Comparator.comparingLong(c -> c.followers)).orElse(null);
        if (channel == null) {
            throw new InvalidInput("channelId", "influencer " + influencer.id + " has no live channel to hire");
        }
        entry.channelId = channel.id;
        entry.score = null;
        entry.components = null;
        entry.weights = null;
        entry.reasons = write(List.of("Not among the campaign brief's candidates when shortlisted (a filter of the brief leaves "
                + "this channel out), so no score was kept"));
    }

    /** The components as kept at shortlisting. */
    record StoredComponents(double nicheFit, double engagement, double reputation, Double audienceFit) {
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not written", e);
        }
    }

    StoredComponents components(ShortlistEntry e) {
        try {
            return e.components == null ? null : json.readValue(e.components, StoredComponents.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable stored components", ex);
        }
    }

    ShortlistEntryView view(ShortlistEntry e, Campaign campaign) {
        Influencer influencer = Influencer.findById(e.influencerId);
        Channel channel = Channel.findById(e.channelId);
        try {
            StoredComponents stored = components(e);
            SearchResults.AppliedWeights weights = e.weights == null ? null : json.readValue(e.weights, SearchResults.AppliedWeights.class);
            SearchResults.Components components = stored == null ? null : new SearchResults.Components(stored.nicheFit(),
                    stored.engagement(), stored.reputation(), stored.audienceFit(), contributions(stored, weights));
            return new ShortlistEntryView(e.influencerId, influencer == null ? null : influencer.displayName, e.channelId,
                    channel == null ? null : channel.platform.name(), channel == null ? null : channel.handle, e.status, e.note,
                    e.agreedAmount == null ? null : new Amount(e.agreedAmount, e.agreedCurrency),
                    e.agreedInBudget == null ? null : new Amount(e.agreedInBudget, campaign.budgetCurrency),
                    Conversions.how(e.agreedCurrency, e.agreedRate, campaign.budgetCurrency),
                    e.score, components, weights, json.readValue(e.reasons, STRINGS), e.shortlistedAt, e.updatedAt, e.version);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable stored ranking", ex);
        }
    }

    private static List<SearchResults.Contribution> contributions(StoredComponents c, SearchResults.AppliedWeights w) {
        if (w == null) {
            return List.of();
        }
        List<SearchResults.Contribution> list = new java.util.ArrayList<>(List.of(
                new SearchResults.Contribution("nicheFit", c.nicheFit(), w.nicheFit(), w.nicheFit() * c.nicheFit()),
                new SearchResults.Contribution("engagement", c.engagement(), w.engagement(), w.engagement() * c.engagement()),
                new SearchResults.Contribution("reputation", c.reputation(), w.reputation(), w.reputation() * c.reputation())));
        if (c.audienceFit() != null) {
            list.add(new SearchResults.Contribution("audienceFit", c.audienceFit(), w.audienceFit(), w.audienceFit() * c.audienceFit()));
        }
        return list;
    }
}
