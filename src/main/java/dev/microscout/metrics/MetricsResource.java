package dev.microscout.metrics;

import dev.microscout.influencer.InfluencerService;
import dev.microscout.influencer.SnapshotBatch;
import java.util.UUID;

import dev.microscout.security.Audited;
import dev.microscout.common.Ids;
import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
import dev.microscout.metrics.MetricsViews.ChannelMetricsView;
import dev.microscout.metrics.MetricsViews.PostBatchResult;
import dev.microscout.metrics.MetricsViews.PostPage;
import dev.microscout.metrics.MetricsViews.SnapshotBatchResult;
import dev.microscout.security.Idempotent;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Content metrics", description = "Posts and follower snapshots of a channel, and the metrics and authenticity derived from them.")
public class MetricsResource {

    static final String POST_BATCH_EXAMPLE = """
            {"posts": [
              {"externalId": "C9x2LpQvA1z", "postedAt": "2026-11-02T09:30:00Z", "format": "REEL", "sponsored": false,
               "views": 18500, "reach": 12100, "likes": 1480, "comments": 96, "saves": 210, "shares": 75,
               "linkClicks": 40, "dms": 12, "mentions": 5, "tags": ["skincare", "sunscreen"]},
              {"externalId": "C9w7TmR2bQk", "postedAt": "2026-10-28T12:00:00Z", "format": "CAROUSEL", "sponsored": true,
               "reach": 9800, "likes": 1120, "comments": 64, "saves": 330, "shares": 41, "tags": ["skincare"]}
            ]}""";

    static final String SNAPSHOT_EXAMPLE = """
            {"snapshots": [{"date": "2026-11-20", "followers": 48100}, {"date": "2026-11-21", "followers": 48200}]}""";

    @Inject
    ChannelMetricsService metrics;
    @Inject
    InfluencerService influencers;

    @Context
    UriInfo uri;

    @POST
    @Path("/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_ROLE)
    @Idempotent
    @Operation(operationId = "ingestPosts", summary = "Add or update a batch of posts",
            description = "Upserts 1 to 1,000 posts by externalId (sending a post again updates its counts) and recomputes the "
                    + "channel's metrics and authenticity in the same transaction. A batch with any invalid post is refused whole, "
                    + "with every error listed by its index (posts[3].likes); nothing is written.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostBatch.class),
            examples = @ExampleObject(name = "two posts", value = POST_BATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Stored; how many posts were new and updated, and the new metrics.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Some posts are invalid (all listed); nothing was written.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingestPosts(@Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
                                @Valid @NotNull PostBatch batch) {
        return Response.ok(metrics.ingestPosts(Ids.parse("channelId", channelId), batch)).build();
    }

    @GET
    @Path("/posts")
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listPosts", summary = "List a channel's posts",
            description = "Newest first, paginated; Link headers give first, prev, next and last.")
    @APIResponse(responseCode = "200", description = "One page of posts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response posts(@Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
                          @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                          @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PostPage result = metrics.posts(Ids.parse("channelId", channelId), page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @POST
    @Path("/follower-snapshots")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_ROLE)
    @Idempotent
    @Operation(operationId = "ingestFollowerSnapshots", summary = "Add or replace follower snapshots",
            description = "Upserts 1 to 1,000 daily follower counts by date. The newest snapshot becomes the channel's follower count, "
                    + "so its tier follows (and a tier change is recorded); growth and authenticity are recomputed. All or nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotBatch.class),
            examples = @ExampleObject(name = "two days", value = SNAPSHOT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Stored; the channel's follower count, tier and metrics after it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Some snapshots are invalid (all listed); nothing was written.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingestSnapshots(@Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
                                    @Valid @NotNull SnapshotBatch batch) {
        UUID id = Ids.parse("channelId", channelId);
        // The catalogue stores the history and moves the follower count; the figures follow it in the same transaction.
        InfluencerService.SnapshotsRecorded recorded = influencers.recordSnapshots(id, batch);
        return Response.ok(new SnapshotBatchResult(batch.snapshots().size(), recorded.followers(), recorded.tier().name(),
                metrics.metrics(id))).build();
    }

    @GET
    @Path("/metrics")
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "getChannelMetrics", summary = "Read a channel's metrics and authenticity",
            description = "Every derived figure with the number of posts it rests on, the window used, the peer median and the "
                    + "channel's engagement percentile among channels of its platform and tier, and authenticity with the reason "
                    + "for every penalty. Figures are stored when posts or snapshots arrive; reading never recomputes them.")
    @APIResponse(responseCode = "200", description = "The metrics.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelMetricsView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChannelMetricsView get(@Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId) {
        return metrics.metrics(Ids.parse("channelId", channelId));
    }
}
