package dev.microscout.influencer;

import dev.microscout.security.Audited;
import com.fasterxml.jackson.databind.JsonNode;
import dev.microscout.common.Etags;
import dev.microscout.common.Ids;
import dev.microscout.common.Problem;
import dev.microscout.security.Idempotent;
import dev.microscout.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Audited
@Path("/api/v1/influencers/{id}/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Channels", description = "The platform accounts of an influencer. A channel's tier follows its followers at every change.")
public class ChannelResource {

    @Inject
    InfluencerService influencers;
    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listChannels", summary = "List an influencer's channels",
            description = "Every live channel of the influencer with its derived tier, oldest first. ADMINs list the deleted "
                    + "ones instead with deleted=true, newest deletion first.")
    @APIResponse(responseCode = "200", description = "The channels, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "deleted=true with a key below ADMIN.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ChannelView> list(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                                  @Parameter(description = "ADMINs only: list the deleted channels (restorable for 30 days).")
                                  @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        InfluencerResource.requireAdminForDeleted(identity, deleted, "channels");
        return influencers.channels(Ids.parse("id", id), deleted);
    }

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addChannel", summary = "Add a channel to an influencer",
            description = "Adds a platform account (at most 10 per influencer). Its tier is derived from followers; the influencer's "
                    + "tier is recomputed and its version moves.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChannelInput.class),
            examples = @ExampleObject(name = "TikTok account", value = Examples.CHANNEL_INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new channel.",
            headers = {@Header(name = "Location", description = "URL of the new channel.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the channel.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The platform and handle belong to another channel (named in the problem), "
            + "or the influencer already has 10 channels.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                        @Valid @NotNull ChannelInput body) {
        ChannelView created = influencers.addChannel(Ids.parse("id", id), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .header("ETag", Etags.of(created.version()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{channelId}")
    @Operation(operationId = "getChannel", summary = "Read a channel",
            description = "One channel with its derived tier. The ETag header carries the version to send in If-Match on writes.")
    @APIResponse(responseCode = "200", description = "The channel.",
            headers = @Header(name = "ETag", description = "Current version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer or channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                        @Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId) {
        ChannelView view = influencers.channel(Ids.parse("id", id), Ids.parse("channelId", channelId));
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @PUT
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{channelId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceChannel", summary = "Replace a channel",
            description = "Replaces every field of the channel; the tier follows the new follower count and a change is recorded "
                    + "in the tier history. Requires If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChannelInput.class),
            examples = @ExampleObject(name = "TikTok account", value = Examples.CHANNEL_INPUT)))
    @APIResponse(responseCode = "200", description = "The updated channel.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer or channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The new handle belongs to another channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                            @Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
                            @Parameter(description = "ETag of your last read of the channel.", required = true, example = "\"0\"")
                            @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ChannelInput body) {
        ChannelView view = influencers.replaceChannel(Ids.parse("id", id), Ids.parse("channelId", channelId), ifMatch, body);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @PATCH
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{channelId}")
    @Consumes({InfluencerResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchChannel", summary = "Change some fields of a channel",
            description = "JSON Merge Patch (RFC 7396) of the channel, validated like a PUT body. Requires If-Match.")
    @RequestBody(required = true, content = {
            @Content(mediaType = InfluencerResource.MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the fields of ChannelInput; null removes a field."),
                    examples = @ExampleObject(name = "new follower count", value = Examples.CHANNEL_PATCH)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the fields of ChannelInput; null removes a field."),
                    examples = @ExampleObject(name = "new follower count", value = Examples.CHANNEL_PATCH))})
    @APIResponse(responseCode = "200", description = "The updated channel.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "The patched channel is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer or channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The new handle belongs to another channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                          @Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
                          @Parameter(description = "ETag of your last read of the channel.", required = true, example = "\"0\"")
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull JsonNode patch) {
        ChannelView view = influencers.patchChannel(Ids.parse("id", id), Ids.parse("channelId", channelId), ifMatch, patch);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{channelId}")
    @Operation(operationId = "deleteChannel", summary = "Delete a channel",
            description = "Soft delete: the channel leaves reads, metrics and the search at once; its posts, snapshots and history "
                    + "are kept, and its handle stays taken. ADMINs may restore it for 30 days, then an operator may purge it. "
                    + "An influencer keeps at least one channel. If-Match is optional; when sent it must be current.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer or channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is the influencer's last channel.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                           @Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
                           @Parameter(description = "ETag of your last read of the channel (optional).") @HeaderParam("If-Match") String ifMatch) {
        influencers.deleteChannel(Ids.parse("id", id), Ids.parse("channelId", channelId), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{channelId}/restore")
    @Idempotent
    @Operation(operationId = "restoreChannel", summary = "Restore a deleted channel",
            description = "Undoes a channel's delete within 30 days of it, with its posts, metrics and history. The influencer "
                    + "must be live (restore it first) and have fewer than 10 channels. If-Match (the channel's ETag) is optional; "
                    + "when sent it must be current.")
    @APIResponse(responseCode = "200", description = "The restored channel.",
            headers = @Header(name = "ETag", description = "New version of the channel.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel of this influencer, deleted or not.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The channel is not deleted, or was deleted more than 30 days ago; or the "
            + "influencer is deleted or already has 10 channels.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restore(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                            @Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId,
                            @Parameter(description = "ETag of your last read of the channel (optional).") @HeaderParam("If-Match") String ifMatch) {
        ChannelView view = influencers.restoreChannel(Ids.parse("id", id), Ids.parse("channelId", channelId), ifMatch);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @POST
    @RolesAllowed(Role.OPERATOR_ROLE)
    @Path("/{channelId}/purge")
    @Idempotent
    @Operation(operationId = "purgeChannel", summary = "Purge a deleted channel for good",
            description = "Operators only, and only for a channel deleted more than 30 days ago: removes it with its posts, "
                    + "snapshots, metrics and tier history. This cannot be undone.")
    @APIResponse(responseCode = "204", description = "Purged.")
    @APIResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel of this influencer, deleted or not.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The channel is not deleted, or its 30-day restore window is still open.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response purge(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                          @Parameter(description = "Channel id (UUID).") @PathParam("channelId") String channelId) {
        influencers.purgeChannel(Ids.parse("id", id), Ids.parse("channelId", channelId));
        return Response.noContent().build();
    }
}
