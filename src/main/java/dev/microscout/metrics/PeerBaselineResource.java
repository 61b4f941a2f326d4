package dev.microscout.metrics;

import dev.microscout.security.Audited;
import dev.microscout.metrics.MetricsViews.PeerBaselineView;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Audited
@Path("/api/v1/metrics/peer-baselines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Content metrics")
public class PeerBaselineResource {

    @Inject
    PeerBaselineService baselines;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listPeerBaselines", summary = "Read the peer baselines",
            description = "Per platform and tier: the number of channels with an engagement rate, their median, and when it was "
                    + "computed. Baselines are refreshed every microscout.metrics.peer-refresh-every (default 10 minutes) and on "
                    + "demand; percentiles and the peer-based authenticity checks may lag by up to one interval.")
    @APIResponse(responseCode = "200", description = "The baselines.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PeerBaselineView.class)))
    public List<PeerBaselineView> list() {
        return views(baselines.all());
    }

    @POST
    @Path("/refresh")
    @RolesAllowed(Role.ADMIN_ROLE)
    @dev.microscout.security.Idempotent
    @Operation(operationId = "refreshPeerBaselines", summary = "Recompute the peer baselines now",
            description = "One aggregate query over the stored channel metrics; no channel row is rewritten.")
    @APIResponse(responseCode = "200", description = "The new baselines.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PeerBaselineView.class)))
    public jakarta.ws.rs.core.Response refresh() {
        // A Response, so that a retry with the same Idempotency-Key replays it (the contract offers the key on every POST).
        return jakarta.ws.rs.core.Response.ok(views(baselines.refresh())).build();
    }

    private static List<PeerBaselineView> views(List<PeerBaseline> all) {
        return all.stream().map(b -> new PeerBaselineView(b.platform(), b.tier(), b.channels(), b.medianEngagementRate(),
                b.exact(), b.computedAt())).toList();
    }
}
