package dev.microscout.tier;

import dev.microscout.common.Problem;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/tiers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tiers", description = "Follower tiers: nano, micro and macro, with thresholds from configuration.")
public class TierResource {

    @Inject
    TierPolicy policy;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listTiers", summary = "Read the tier thresholds",
            description = "The follower range of each tier as configured (microscout.tiers.micro-min and micro-max). "
                    + "Defaults: NANO below 10,000; MICRO from 10,000 to 100,000 inclusive; MACRO above 100,000.")
    @APIResponse(responseCode = "200", description = "The tiers, smallest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TierView.class),
                    examples = @ExampleObject(name = "defaults", value = """
                            [{"tier": "NANO", "minFollowers": 0, "maxFollowers": 9999},
                             {"tier": "MICRO", "minFollowers": 10000, "maxFollowers": 100000},
                             {"tier": "MACRO", "minFollowers": 100001}]""")))
    public List<TierView> tiers() {
        return Arrays.stream(Tier.values())
                .map(t -> new TierView(t, policy.minFollowers(t), policy.maxFollowers(t)))
                .toList();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/classify")
    @Operation(operationId = "classifyFollowers", summary = "Find the tier of a follower count",
            description = "Applies the configured thresholds to a follower count, e.g. to check a boundary before importing.")
    @APIResponse(responseCode = "200", description = "The tier.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TierClassification.class),
                    examples = @ExampleObject(name = "boundary", value = "{\"followers\": 10000, \"tier\": \"MICRO\"}")))
    @APIResponse(responseCode = "400", description = "followers is missing, negative or not a whole number.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TierClassification classify(
            @Parameter(description = "Follower count, a whole number >= 0.", required = true, example = "10000")
            @QueryParam("followers") @NotNull @Min(0) @Max(10_000_000_000L) Long followers) {
        return new TierClassification(followers, policy.classify(followers));
    }
}
