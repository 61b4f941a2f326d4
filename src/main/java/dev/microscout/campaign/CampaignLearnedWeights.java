package dev.microscout.campaign;

import dev.microscout.discovery.LearnedWeights;
import dev.microscout.discovery.ScoreWeights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** "weights": "learned" in a brief: the weights the caller's finished campaigns suggest (see {@link InsightsService}). */
@ApplicationScoped
class CampaignLearnedWeights implements LearnedWeights {

    @Inject
    InsightsService insights;

    @Override
    public Learned forCaller() {
        InsightsService.InsightsView view = insights.insights();
        if (!view.enough()) {
            return new Learned(null, "Too few finished collaborations to learn weights from (" + view.collaborations() + " of "
                    + view.needed() + "): the default weights apply");
        }
        if (!view.learned()) {
            return new Learned(null, "Your " + view.collaborations() + " finished collaborations show no component that predicts "
                    + "the cost per micro-conversion: the default weights apply");
        }
        InsightsService.WeightsView w = view.suggestedWeights();
        return new Learned(new ScoreWeights.Requested(w.nicheFit(), w.engagement(), w.reputation(), w.audienceFit()),
                "Learned from " + view.collaborations() + " collaborations of your " + view.campaigns() + " finished campaigns "
                        + "(GET /api/v1/campaigns/insights)");
    }
}
