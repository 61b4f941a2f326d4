package dev.microscout.ingest;

import dev.microscout.campaign.CampaignViews.Amount;
import dev.microscout.campaign.CampaignViews.ResultInput;
import dev.microscout.campaign.ResultService;
import dev.microscout.common.FieldError;
import dev.microscout.influencer.LineCells;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Campaign result lines: one per contracted creator and post, recorded under the rules of POST
 * /api/v1/campaigns/{id}/results (the same checks, conversion and upsert by creator and post). A chunk's lines of
 * one campaign are recorded together; a bad line fails alone.
 */
@ApplicationScoped
class ResultLines {

    @Inject
    ResultService results;
    @Inject
    Validator validator;

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<ImportLine> chunk, ChunkOutcome outcome) {
        Map<UUID, List<ImportLine>> lines = new LinkedHashMap<>();
        Map<UUID, List<ResultInput>> inputs = new LinkedHashMap<>();
        for (ImportLine line : chunk) {
            List<FieldError> errors = new ArrayList<>();
            LineCells cells = new LineCells(line.cells(), errors);
            UUID campaign = cells.uuid("campaignId");
            if (campaign == null && errors.stream().noneMatch(e -> "campaignId".equals(e.field()))) {
                errors.add(new FieldError("campaignId", "must not be blank"));
            }
            java.math.BigDecimal amount = cells.decimal("costAmount");
            String currency = cells.text("costCurrency");
            ResultInput input = new ResultInput(cells.uuid("influencerId"), cells.text("post"), cells.date("postedOn"),
                    cells.whole("views"), cells.whole("reach"), cells.whole("likes"), cells.whole("comments"), cells.whole("saves"),
                    cells.whole("shares"), cells.whole("linkClicks"), cells.whole("dms"), cells.whole("conversions"),
                    amount == null && currency == null ? null : new Amount(amount, currency));
            errors.forEach(e -> outcome.fail(line, e.field(), e.message()));
            // A cell that could not be read is reported once, not again as missing.
            Set<String> unreadable = new HashSet<>();
            errors.forEach(e -> unreadable.add(e.field()));
            for (ConstraintViolation<ResultInput> v : validator.validate(input)) {
                String column = column(Violations.column(v));
                if (!unreadable.contains(column)) {
                    outcome.fail(line, column, Violations.reason(v));
                }
            }
            if (!outcome.failed(line)) {
                lines.computeIfAbsent(campaign, k -> new ArrayList<>()).add(line);
                inputs.computeIfAbsent(campaign, k -> new ArrayList<>()).add(input);
            }
        }
        inputs.forEach((campaign, batch) -> {
            List<ImportLine> sources = lines.get(campaign);
            ResultService.Written written = results.recordEach(campaign, batch);
            if (written.refused() != null) {
                sources.forEach(l -> outcome.fail(l, "campaignId", written.refused()));
                return;
            }
            written.errors().forEach((i, errors) -> errors.forEach(e -> outcome.fail(sources.get(i), column(e.field()), e.message())));
            outcome.created += written.created();
            outcome.updated += written.updated();
            outcome.unchanged += written.unchanged();
        });
    }

    /** The file's column for a field of a result: the cost's two cells are costAmount and costCurrency. */
    private static String column(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "cost", "cost.amount" -> "costAmount";
            case "cost.currency" -> "costCurrency";
            default -> field;
        };
    }
}
