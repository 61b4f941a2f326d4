package dev.microscout.reputation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.Etags;
import dev.microscout.common.Forbidden;
import dev.microscout.common.MergePatch;
import dev.microscout.common.NotFound;
import dev.microscout.security.Caller;
import dev.microscout.webhook.WebhookEventType;
import dev.microscout.webhook.WebhookOutbox;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Brand-safety incidents of influencers; each write recomputes the influencer's reputation in the same transaction. */
@ApplicationScoped
public class IncidentService {

    private static final Sort NEWEST_FIRST = Sort.descending("occurredOn").and("createdAt", Sort.Direction.Descending)
            .and("id", Sort.Direction.Descending);

    @Inject
    ReputationService reputation;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    Caller caller;
    @Inject
    WebhookOutbox webhooks;

    /** The data of an incident.created event: never the reporting organisation, since the incident counts for everyone. */
    public record IncidentCreated(UUID incidentId, UUID influencerId, String kind, IncidentSeverity severity,
                                  LocalDate occurredOn) {
    }

    @Transactional
    public IncidentView create(UUID influencerId, IncidentCreate body) {
        reputation.lock(influencerId);
        OffsetDateTime now = now();
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.influencerId = influencerId;
        incident.kind = body.kind();
        incident.severity = body.severity();
        incident.occurredOn = body.occurredOn();
        incident.source = blankToNull(body.source());
        incident.resolved = Boolean.TRUE.equals(body.resolved());
        incident.description = blankToNull(body.description());
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.reportedByOrganisation = caller.organisationId();
        incident.persist();
        reputation.recompute(influencerId);
        webhooks.publish(WebhookEventType.INCIDENT_CREATED.type(), null,
                new IncidentCreated(incident.id, influencerId, incident.kind, incident.severity, incident.occurredOn));
        return toView(incident);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentView get(UUID influencerId, UUID incidentId) {
        return toView(load(influencerId, incidentId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentPage list(UUID influencerId, int page, int size) {
        reputation.requireInfluencer(influencerId);
        PanacheQuery<Incident> query = Incident.find("influencerId", NEWEST_FIRST, influencerId);
        long total = query.count();
        return new IncidentPage(query.page(Page.of(page, size)).list().stream().map(this::toView).toList(),
                page, size, total);
    }

    /** JSON Merge Patch of resolved, description, severity and source, guarded by If-Match. */
    @Transactional
    public IncidentView patch(UUID influencerId, UUID incidentId, String ifMatch, JsonNode patch) {
        reputation.lock(influencerId);
        Incident incident = load(influencerId, incidentId);
        requireReporter(incident);
        Etags.requireMatch(ifMatch, incident.version);
        IncidentChange current = IncidentChange.of(incident);
        IncidentChange changed = MergePatch.applyTo(current, patch, IncidentChange.class, json, validator);
        changed = new IncidentChange(changed.resolved(), blankToNull(changed.description()), changed.severity(),
                blankToNull(changed.source()));
        if (changed.equals(current)) {
            // Nothing changes, so neither does the version: an ETag held by another client stays good.
            return toView(incident);
        }
        incident.resolved = changed.resolved();
        incident.description = changed.description();
        incident.severity = changed.severity();
        incident.source = changed.source();
        incident.updatedAt = now();
        reputation.recompute(influencerId);
        return toView(incident);
    }

    private Incident load(UUID influencerId, UUID incidentId) {
        reputation.requireInfluencer(influencerId);
        Incident incident = Incident.findById(incidentId);
        if (incident == null || !incident.influencerId.equals(influencerId)) {
            throw new NotFound("Incident", incidentId);
        }
        return incident;
    }

    /** An incident counts for everyone, so only those who reported it (or an operator) may change or resolve it. */
    private void requireReporter(Incident incident) {
        if (!caller.isOperator() && !isOwn(incident)) {
            throw new Forbidden("Only ADMINs of the organisation that reported incident " + incident.id
                    + ", or an operator, may change or resolve it; report a new incident if you know more");
        }
    }

    private boolean isOwn(Incident incident) {
        return incident.reportedByOrganisation != null && incident.reportedByOrganisation.equals(caller.organisationId());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private IncidentView toView(Incident i) {
        return new IncidentView(i.id, i.influencerId, i.kind, i.severity, i.occurredOn, i.source, i.resolved, i.description,
                i.createdAt, i.updatedAt, i.version, isOwn(i));
    }
}
