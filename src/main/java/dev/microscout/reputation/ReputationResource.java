package dev.microscout.reputation;

import dev.microscout.common.Ids;
import dev.microscout.common.Problem;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/influencers/{id}/reputation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reputation", description = "How brands rated a creator, tempered by the authenticity of the audience and lowered "
        + "by recent brand-safety incidents: one published formula, every figure shown.")
public class ReputationResource {

    static final String FORMULA = """
            The influencer's reputation (0–1) as stored after the last change of its reviews, incidents or channel \
            authenticity, with every figure behind it:

                reputation         = clamp01(bayesianScore × authenticityFactor − penalty)
                bayesianMean       = (C·m + Σ review mean) / (C + n)      m = 3.5, C = 5, n = reviewCount
                bayesianScore      = (bayesianMean − 1) / 4
                authenticityFactor = 0.5 + 0.5 × authenticity / 100
                penalty            = Σ 0.1 / 0.25 / 0.5 per unresolved LOW / MEDIUM / HIGH incident of the last 24 months

            A review's mean is the mean of its four ratings. The prior counts as five reviews of 3.5, so one five-star \
            review (0.6875) does not outrank twenty that average 4.6 (0.845). authenticity is the lowest of the \
            influencer's channels (one channel with bought followers taints the creator); a channel without metrics yet \
            counts as 100, and the reasons say "no data yet". Incidents count from incidentsCountedFrom (today minus 24 \
            months, UTC); the figure is refreshed hourly when an incident leaves that window. An influencer nothing has \
            been recorded about yet gets its figure computed on reading: 0 reviews, bayesianScore 0.625.""";

    @Inject
    ReputationService reputation;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "getReputation", summary = "Read an influencer's reputation and how it was made",
            description = FORMULA)
    @APIResponse(responseCode = "200", description = "The reputation with its review count, average rating, Bayesian mean on "
            + "1–5 and 0–1, the authenticity used with its channel, the authenticity factor, each penalty with its incident, "
            + "the reasons in plain words and when it was computed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReputationView.class),
                    examples = @ExampleObject(name = "tainted channel and an open incident", value = Examples.REPUTATION_VIEW)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND_PROBLEM)))
    public ReputationView get(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id) {
        return reputation.reputation(Ids.parse("id", id));
    }
}
