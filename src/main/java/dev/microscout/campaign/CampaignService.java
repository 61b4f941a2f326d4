package dev.microscout.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.campaign.CampaignViews.Amount;
import dev.microscout.campaign.CampaignViews.CampaignChange;
import dev.microscout.campaign.CampaignViews.CampaignCreate;
import dev.microscout.campaign.CampaignViews.CampaignPage;
import dev.microscout.campaign.CampaignViews.CampaignView;
import dev.microscout.common.Conflict;
import dev.microscout.common.Etags;
import dev.microscout.common.FieldError;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.MergePatch;
import dev.microscout.common.NotFound;
import dev.microscout.discovery.DiscoveryService;
import dev.microscout.discovery.SearchBrief;
import dev.microscout.webhook.WebhookOutbox;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organisation's campaigns: their brief, budget, dates and status. Tenant-owned: every query sees the caller's
 * organisation only, so another organisation's campaign answers 404 like one that does not exist.
 */
@ApplicationScoped
public class CampaignService {

    @Inject
    DiscoveryService discovery;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    WebhookOutbox webhooks;

    @Transactional
    public CampaignView create(CampaignCreate body) {
        check(body.brief(), body.startsOn(), body.endsOn());
        OffsetDateTime now = now();
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.name = body.name().strip();
        campaign.brief = write(body.brief());
        campaign.budgetAmount = body.budget().amount();
        campaign.budgetCurrency = body.budget().currency();
        campaign.startsOn = body.startsOn();
        campaign.endsOn = body.endsOn();
        campaign.status = CampaignStatus.DRAFT;
        campaign.statusChangedAt = now;
        campaign.createdAt = now;
        campaign.updatedAt = now;
        campaign.persist();
        Campaign.flush();
        return view(campaign);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignPage list(CampaignStatus status, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        var query = status == null ? Campaign.<Campaign>findAll(newestFirst) : Campaign.<Campaign>find("status", newestFirst, status);
        long total = query.count();
        return new CampaignPage(query.page(Page.of(page, size)).list().stream().map(this::view).toList(), page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(UUID id) {
        return view(load(id));
    }

    /** JSON Merge Patch of name, brief, budget, dates and status, guarded by If-Match. */
    @Transactional
    public CampaignView patch(UUID id, String ifMatch, JsonNode patch) {
        Campaign campaign = locked(id);
        Etags.requireMatch(ifMatch, campaign.version);
        CampaignChange current = change(campaign);
        CampaignChange changed = MergePatch.applyTo(current, patch, CampaignChange.class, json, validator);
        check(changed.brief(), changed.startsOn(), changed.endsOn());
        if (changed.equals(current)) {
            // Nothing changes, so neither does the version: an ETag held by another client stays good.
            return view(campaign);
        }
        CampaignStatus from = campaign.status;
        if (changed.status() != from && !from.canBecome(changed.status())) {
            throw new Conflict("A campaign cannot go from " + from + " to " + changed.status() + "; from " + from + " it can go to "
                    + (from.next().isEmpty() ? "nothing (it is over)" : from.next().toString()), "status",
                    Map.of("currentStatus", from.name(), "allowed", from.next().stream().map(Enum::name).sorted().toList()));
        }
        if (!changed.budget().currency().equals(campaign.budgetCurrency) && ShortlistEntry.count("campaignId = ?1 and agreedAmount is not null", id)
                + CampaignResult.count("campaignId", id) > 0) {
            throw new Conflict("The budget's currency cannot change once agreed prices or results were converted into it ("
                    + campaign.budgetCurrency + ")", "budget.currency", Map.of());
        }
        OffsetDateTime now = now();
        campaign.name = changed.name().strip();
        campaign.brief = write(changed.brief());
        campaign.budgetAmount = changed.budget().amount();
        campaign.budgetCurrency = changed.budget().currency();
        campaign.startsOn = changed.startsOn();
        campaign.endsOn = changed.endsOn();
        if (changed.status() != from) {
            campaign.status = changed.status();
            campaign.statusChangedAt = now;
            // Announced in the transaction of the change: never lost, never early.
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("campaignId", campaign.id);
            event.put("name", campaign.name);
            event.put("from", from.name());
            event.put("to", campaign.status.name());
            webhooks.publish("campaign.status_changed", UUID.fromString(campaign.organisationId), event);
        }
        campaign.updatedAt = now;
        Campaign.flush();
        return view(campaign);
    }

    /** Only a DRAFT or CANCELLED campaign may be deleted: an active or finished one is the record the insights learn from. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Campaign campaign = locked(id);
        if (ifMatch != null && !ifMatch.isBlank()) {
            Etags.requireMatch(ifMatch, campaign.version);
        }
        if (campaign.status == CampaignStatus.ACTIVE || campaign.status == CampaignStatus.DONE) {
            throw new Conflict("Campaign " + id + " is " + campaign.status + ": only a DRAFT or CANCELLED campaign can be deleted "
                    + "(cancel an active one first; a finished one stays as the record of what it delivered)", "status",
                    Map.of("currentStatus", campaign.status.name()));
        }
        campaign.delete();
        Campaign.flush();
    }

    /** The caller's campaign, or 404. */
    Campaign load(UUID id) {
        // A query, not a load by id: the tenant filter applies to it.
        Campaign campaign = Campaign.<Campaign>find("id", id).firstResult();
        if (campaign == null) {
            throw new NotFound("Campaign", id);
        }
        return campaign;
    }

    /** The caller's campaign, locked for a write (its shortlist and results are written under this lock too). */
    Campaign locked(UUID id) {
        Campaign campaign = Campaign.<Campaign>find("id", id).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (campaign == null) {
            throw new NotFound("Campaign", id);
        }
        return campaign;
    }

    SearchBrief brief(Campaign campaign) {
        try {
            return json.readValue(campaign.brief, SearchBrief.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored brief of campaign " + campaign.id, e);
        }
    }

    /** The brief is held to a search's rules, with its fields named under brief. */
    private void check(SearchBrief brief, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        List<FieldError> errors = new ArrayList<>(discovery.briefErrors(brief, "brief."));
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", "must not be before startsOn (" + startsOn + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** The brief without page and size, which belong to each request for recommendations. */
    private String write(SearchBrief brief) {
        try {
            return json.writeValueAsString(brief.paged(null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Brief not written", e);
        }
    }

    private CampaignChange change(Campaign c) {
        return new CampaignChange(c.name, brief(c), new Amount(c.budgetAmount, c.budgetCurrency), c.startsOn, c.endsOn, c.status);
    }

    CampaignView view(Campaign c) {
        Budget budget = budget(c);
        return new CampaignView(c.id, c.name, brief(c), budget.budget(), c.startsOn, c.endsOn, c.status, c.statusChangedAt,
                budget.byStatus(), budget.committed(), budget.remaining(), budget.warnings(), c.createdAt, c.updatedAt, c.version);
    }

    /** A campaign's standing: its shortlist by status, and the agreed prices (in the budget's currency) against the budget. */
    record Budget(Amount budget, Amount committed, Amount remaining, Map<ShortlistStatus, Integer> byStatus, List<String> warnings) {
    }

    Budget budget(Campaign c) {
        Map<ShortlistStatus, Integer> byStatus = new EnumMap<>(ShortlistStatus.class);
        BigDecimal committed = BigDecimal.ZERO;
        for (ShortlistEntry entry : ShortlistEntry.<ShortlistEntry>list("campaignId", c.id)) {
            byStatus.merge(entry.status, 1, Integer::sum);
            if (entry.agreedInBudget != null && entry.status != ShortlistStatus.REJECTED) {
                committed = committed.add(entry.agreedInBudget);
            }
        }
        BigDecimal remaining = c.budgetAmount.subtract(committed);
        List<String> warnings = new ArrayList<>();
        if (remaining.signum() < 0) {
            warnings.add("The agreed prices (" + committed.toPlainString() + " " + c.budgetCurrency + ") exceed the budget ("
                    + c.budgetAmount.toPlainString() + " " + c.budgetCurrency + ") by " + remaining.negate().toPlainString() + " "
                    + c.budgetCurrency);
        }
        return new Budget(new Amount(c.budgetAmount, c.budgetCurrency), new Amount(committed, c.budgetCurrency),
                new Amount(remaining, c.budgetCurrency), byStatus, warnings);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
