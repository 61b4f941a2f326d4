package dev.microscout.campaign;

import dev.microscout.discovery.ScoreWeights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the organisation's finished campaigns teach about the ranking: each contracted creator's components as kept
 * at shortlisting, set against what their collaboration cost per micro-conversion (see {@link OutcomeFit}).
 * <p>
 * The outcome is relative to the campaign: a collaboration's cost per micro-conversion divided by its campaign's.
 * Campaigns differ in product, season and currency; within a campaign, creators are compared on the same brief and
 * money, which is what the ranking chose between.
 */
@ApplicationScoped
public class InsightsService {

    @Inject
    ShortlistService shortlist;

    @Schema(name = "ComponentEvidence", description = "How well one ranking component predicted the realised cost per "
            + "micro-conversion.")
    public record ComponentView(@Schema(examples = "engagement") String component,
                                @Schema(description = "Spearman's rank correlation with the relative cost per micro-conversion: "
                                        + "negative means a higher component went with cheaper micro-conversions.", examples = "-0.62")
                                Double spearman,
                                @Schema(description = "Two-sided p-value of the correlation.", examples = "0.0004") Double pValue,
                                @Schema(description = "Collaborations it rests on.", examples = "24") int collaborations,
                                @Schema(examples = "strong: a higher engagement went with a cheaper micro-conversion (ρ = −0.62 over 24 collaborations)")
                                String confidence) {
    }

    @Schema(name = "SuggestedWeights", description = "Weights of the four components, summing to 1.")
    public record WeightsView(double nicheFit, double engagement, double reputation, double audienceFit) {
    }

    @Schema(name = "CampaignInsights", description = "What your finished campaigns teach about the ranking's components.")
    public record InsightsView(
            @Schema(description = "Finished collaborations counted: contracted creators of DONE campaigns with a score kept at "
                    + "shortlisting and at least one micro-conversion.", examples = "24") int collaborations,
            @Schema(description = "DONE campaigns they come from.", examples = "2") int campaigns,
            @Schema(description = "Collaborations needed before weights are suggested.", examples = "20") int needed,
            @Schema(description = "Whether there are enough collaborations; if not, the defaults apply.") boolean enough,
            List<ComponentView> components,
            @Schema(description = "Weights fitted to the outcomes (non-negative, summing to 1), or the defaults when there is not "
                    + "enough to fit.") WeightsView suggestedWeights,
            @Schema(description = "The default weights they are compared with.") WeightsView defaultWeights,
            @Schema(description = "Whether the suggested weights were fitted (false: they are the defaults).") boolean learned,
            @Schema(description = "Collaborations held out of the fit to test it.", examples = "4") int heldOut,
            @Schema(description = "Error (RMSE of the predicted cheapness percentile) of the fitted weights on the held-out "
                    + "collaborations.", examples = "0.18") Double heldOutErrorFitted,
            @Schema(description = "The same error with the default weights.", examples = "0.27") Double heldOutErrorDefaults,
            @Schema(description = "How the weights were fitted.") String method,
            @Schema(description = "What it means, in plain words.") String summary) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InsightsView insights() {
        List<OutcomeFit.Collaboration> collaborations = new ArrayList<>();
        List<Campaign> done = Campaign.<Campaign>list("status = ?1 order by createdAt, id", CampaignStatus.DONE);
        int campaignsCounted = 0;
        for (Campaign campaign : done) {
            Map<UUID, CampaignFigures.Counts> byCreator = new HashMap<>();
            CampaignFigures.Counts total = CampaignFigures.Counts.NONE;
            for (CampaignResult r : CampaignResult.<CampaignResult>list("campaignId", campaign.id)) {
                byCreator.merge(r.influencerId, r.counts(), CampaignFigures.Counts::plus);
                total = total.plus(r.counts());
            }
            if (total.microConversions() == 0 || total.cost().signum() == 0) {
                continue;
            }
            BigDecimal campaignCost = total.cost().divide(BigDecimal.valueOf(total.microConversions()), MathContext.DECIMAL64);
            int before = collaborations.size();
            for (ShortlistEntry entry : ShortlistEntry.<ShortlistEntry>list("campaignId = ?1 and status = ?2 order by shortlistedAt, influencerId",
                    campaign.id, ShortlistStatus.CONTRACTED)) {
                ShortlistService.StoredComponents c = shortlist.components(entry);
                CampaignFigures.Counts counts = byCreator.get(entry.influencerId);
                if (c == null || counts == null || counts.microConversions() == 0 || counts.cost().signum() == 0) {
                    continue;
                }
                BigDecimal cost = counts.cost().divide(BigDecimal.valueOf(counts.microConversions()), MathContext.DECIMAL64);
                collaborations.add(new OutcomeFit.Collaboration(c.nicheFit(), c.engagement(), c.reputation(), c.audienceFit(),
                        cost.divide(campaignCost, MathContext.DECIMAL64).doubleValue()));
            }
            if (collaborations.size() > before) {
                campaignsCounted++;
            }
        }
        boolean allWithAudience = !collaborations.isEmpty() && collaborations.stream().allMatch(c -> c.audienceFit() != null);
        ScoreWeights defaults = ScoreWeights.defaults(allWithAudience);
        OutcomeFit.Fit fit = OutcomeFit.fit(collaborations, new OutcomeFit.Weights(defaults.nicheFit(), defaults.engagement(),
                defaults.reputation(), defaults.audienceFit()));
        return new InsightsView(fit.collaborations(), campaignsCounted, OutcomeFit.MIN_COLLABORATIONS, fit.enough(),
                fit.components().stream().map(e -> new ComponentView(e.component(), e.spearman(), e.pValue(), e.collaborations(),
                        e.confidence())).toList(),
                view(fit.suggested()), new WeightsView(defaults.nicheFit(), defaults.engagement(), defaults.reputation(), defaults.audienceFit()),
                fit.learned(), fit.heldOut(), fit.heldOutErrorFitted(), fit.heldOutErrorDefaults(), fit.method(), fit.summary());
    }

    private static WeightsView view(OutcomeFit.Weights w) {
        return new WeightsView(w.nicheFit(), w.engagement(), w.reputation(), w.audienceFit());
    }
}
