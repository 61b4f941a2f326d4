package dev.microscout.discovery;

import dev.microscout.common.CountryCode;
import dev.microscout.common.Ids;
import dev.microscout.common.Problem;
import dev.microscout.discovery.LookalikeResults.LookalikeResponse;
import dev.microscout.security.Role;
import dev.microscout.tier.Tier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/channels/{channelId}/lookalikes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discovery")
public class LookalikeResource {

    @Inject
    LookalikeService lookalikes;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "findLookalikes", summary = "Find channels like this one",
            description = """
                    Channels on the same platform ranked by similarity = 0.5 × nicheFit (to the source creator's niches, \
                    tree-expanded) + 0.25 × nearness in log-followers (1 at the same size, 0 at ten times more or less) + \
                    0.25 × audience overlap (Σ over countries of the smaller share). The source creator is left out; one \
                    result per creator; each result carries the search's explanations. Tiers default to all three.""")
    @APIResponse(responseCode = "200", description = "The most similar channels, best first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookalikeResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LookalikeResponse find(
            @Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
            @Parameter(description = "Tiers to look in; repeat for several (default: all).") @QueryParam("tier") List<Tier> tiers,
            @Parameter(description = "Countries where the creators live; repeat for several.") @QueryParam("country") List<@CountryCode String> countries,
            @Parameter(description = "Minimum authenticity (0–100).") @QueryParam("minAuthenticity") @Min(0) @Max(100) Integer minAuthenticity,
            @Parameter(description = "Minimum reputation (0–1).") @QueryParam("minReputation") @DecimalMin("0") @DecimalMax("1") Double minReputation,
            @Parameter(description = "Leave out creators with an unresolved incident.") @QueryParam("excludeIncidents") @DefaultValue("false") boolean excludeIncidents,
            @Parameter(description = "Keep only creators with a contact e-mail.") @QueryParam("hasContact") @DefaultValue("false") boolean hasContact,
            @Parameter(description = "Page number, starting at 0. Pages reach the top 1,000 lookalikes: page × size must be below 1,000 (a 400 otherwise).")
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(999) int page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return lookalikes.lookalikes(Ids.parse("channelId", channelId),
                new LookalikeService.Filters(tiers, countries, minAuthenticity, minReputation, excludeIncidents, hasContact), page, size);
    }
}
