package dev.microscout.influencer;

import dev.microscout.security.Audited;
import com.fasterxml.jackson.databind.JsonNode;
import dev.microscout.common.Etags;
import dev.microscout.common.Forbidden;
import dev.microscout.common.Ids;
import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
import dev.microscout.common.CountryCode;
import dev.microscout.common.LanguageCode;
import dev.microscout.tier.Tier;
import dev.microscout.security.Idempotent;
import dev.microscout.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
@Path("/api/v1/influencers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Influencers", description = "Creator profiles with their channels. Tiers are derived from follower counts.")
public class InfluencerResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PATCH_SCHEMA = "Any subset of the fields of InfluencerUpdate; null removes a field.";

    @Inject
    InfluencerService influencers;
    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;
    @Context
    jakarta.ws.rs.core.HttpHeaders headers;
    @Inject
    CatalogueExport exporter;

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createInfluencer", summary = "Create an influencer with their channels",
            description = "Creates a creator profile with 1 to 10 channels. Each channel's tier is derived from its followers; "
                    + "the influencer's tier is that of the largest channel. Handles are stored without a leading @ and are unique "
                    + "per platform whatever their letter case.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InfluencerCreate.class),
            examples = @ExampleObject(name = "micro skincare creator", value = Examples.INFLUENCER_CREATE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new influencer.",
            headers = {@Header(name = "Location", description = "URL of the new influencer.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the new influencer.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InfluencerView.class),
                    examples = @ExampleObject(name = "created", value = Examples.INFLUENCER_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body; every invalid field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "A channel with the same platform and handle exists; the problem names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate handle", value = Examples.CONFLICT_PROBLEM)))
    public Response create(@Valid @NotNull InfluencerCreate body) {
        InfluencerView created = influencers.create(body);
        return Response.created(uri.getBaseUriBuilder().path(InfluencerResource.class).path(created.id().toString()).build())
                .header("ETag", Etags.of(created.version()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listInfluencers", summary = "List influencers",
            description = "Filters by tier (of the largest channel), platform (any channel), country, language, niche "
                    + "(a parent niche includes its sub-niches) and follower range (of the largest channel); sorted by a "
                    + "whitelisted field, ties broken by id so pages are stable. Link headers (RFC 8288) give first, prev, next and last. "
                    + "Deleted influencers are left out; ADMINs list them (and only them) with deleted=true, each with its deletion.\n\n"
                    + "Export: with Accept: text/csv or application/x-ndjson the answer streams every match of the filters (sort, "
                    + "page and size do not apply; creators in id order), one line per live channel with the profile repeated, in "
                    + "the columns POST /api/v1/imports?kind=influencers reads: importing an export changes nothing.")
    @APIResponse(responseCode = "200", description = "One page of influencers.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InfluencerPage.class)),
                    @Content(mediaType = EXPORT_CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "export", value = Examples.EXPORT_CSV)),
                    // No inline example: the document would read an NDJSON line as a JSON object.
                    @Content(mediaType = EXPORT_NDJSON, schema = @Schema(type = SchemaType.STRING,
                            description = "One JSON object per channel, with the CSV's column names and JSON values."))})
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; the problem names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "deleted=true with a key below ADMIN.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not an ADMIN", value = Examples.DELETED_FORBIDDEN_PROBLEM)))
    @Produces({MediaType.APPLICATION_JSON, EXPORT_CSV, EXPORT_NDJSON})
    public Response list(
            @Parameter(description = "Tier of the largest channel; repeat for several.") @QueryParam("tier") List<Tier> tier,
            @Parameter(description = "Only influencers with a channel on this platform.") @QueryParam("platform") Platform platform,
            @Parameter(description = "ISO 3166-1 alpha-2 country.", example = "ID") @QueryParam("country") @CountryCode String country,
            @Parameter(description = "ISO 639-1 language of the content.", example = "id") @QueryParam("language") @LanguageCode String language,
            @Parameter(description = "Niche slug; a parent niche includes its sub-niches.", example = "beauty") @QueryParam("niche") String niche,
            @Parameter(description = "Smallest follower count of the largest channel.") @QueryParam("minFollowers") @Min(0) @Max(10_000_000_000L) Long minFollowers,
            @Parameter(description = "Largest follower count of the largest channel.") @QueryParam("maxFollowers") @Min(0) @Max(10_000_000_000L) Long maxFollowers,
            @Parameter(description = "Sort field, prefixed with - for descending: displayName, followers, createdAt, updatedAt, country.",
                    example = "-followers")
            @QueryParam("sort") @DefaultValue("createdAt")
            @Pattern(regexp = "^-?(displayName|followers|createdAt|updatedAt|country)$",
                    message = "must be one of displayName, followers, createdAt, updatedAt, country, optionally prefixed with -")
            String sort,
            @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Parameter(description = "ADMINs only: list the deleted influencers (restorable for 30 days) instead of the live ones.")
            @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        if (minFollowers != null && maxFollowers != null && minFollowers > maxFollowers) {
            throw new dev.microscout.common.InvalidInput(List.of(
                    new dev.microscout.common.FieldError("minFollowers", "must not be greater than maxFollowers"),
                    new dev.microscout.common.FieldError("maxFollowers", "must not be less than minFollowers")));
        }
        requireAdminForDeleted(identity, deleted, "influencers");
        InfluencerFilter filter = new InfluencerFilter(tier, platform, country, language, niche, minFollowers, maxFollowers);
        CatalogueExport.Format export = exportFormat();
        if (export != null) {
            if (deleted) {
                throw new dev.microscout.common.InvalidInput("deleted", "deleted influencers are never exported");
            }
            // Checks the filters (an unknown niche is a 400) before the first byte is sent.
            influencers.checkFilter(filter);
            String type = export == CatalogueExport.Format.CSV ? EXPORT_CSV + "; charset=UTF-8" : EXPORT_NDJSON + "; charset=UTF-8";
            jakarta.ws.rs.core.StreamingOutput body = out -> exporter.write(filter, export, out);
            return Response.ok(body, type).build();
        }
        InfluencerPage result = influencers.list(filter, deleted, sort, page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{id}")
    @Operation(operationId = "getInfluencer", summary = "Read an influencer",
            description = "Returns the profile with all channels. The ETag header carries the version to send in If-Match on writes.")
    @APIResponse(responseCode = "200", description = "The influencer.",
            headers = @Header(name = "ETag", description = "Current version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InfluencerView.class),
                    examples = @ExampleObject(name = "influencer", value = Examples.INFLUENCER_VIEW)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND_PROBLEM)))
    public Response get(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id) {
        InfluencerView view = influencers.get(Ids.parse("id", id));
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @PUT
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceInfluencer", summary = "Replace an influencer's profile",
            description = "Replaces every profile field (fields left out become empty). Channels are not part of this body. "
                    + "Requires If-Match with the ETag of your last read.")
    @APIResponse(responseCode = "200", description = "The updated influencer.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InfluencerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale: somebody changed the influencer since your read.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE_PROBLEM)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                            @Parameter(description = "ETag of your last read.", required = true, example = "\"0\"")
                            @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull InfluencerUpdate body) {
        InfluencerView view = influencers.replace(Ids.parse("id", id), ifMatch, body);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @PATCH
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchInfluencer", summary = "Change some profile fields",
            description = "JSON Merge Patch (RFC 7396) of the profile: members present replace the current values, null removes "
                    + "them. The result is validated like a PUT body. Requires If-Match.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = @ExampleObject(name = "move and reprice", value = Examples.INFLUENCER_PATCH)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = @ExampleObject(name = "move and reprice", value = Examples.INFLUENCER_PATCH))})
    @APIResponse(responseCode = "200", description = "The updated influencer.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InfluencerView.class)))
    @APIResponse(responseCode = "400", description = "The patched profile is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                          @Parameter(description = "ETag of your last read.", required = true, example = "\"0\"")
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull JsonNode patch) {
        InfluencerView view = influencers.patch(Ids.parse("id", id), ifMatch, patch);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{id}")
    @Operation(operationId = "deleteInfluencer", summary = "Delete an influencer",
            description = "Soft delete: the influencer leaves reads, lists and the search at once, and everything about it (channels, "
                    + "posts, history, reviews, incidents) is kept. ADMINs see it with GET /api/v1/influencers?deleted=true and may "
                    + "restore it for 30 days; after that an operator may purge it. Its handles stay taken meanwhile. If-Match is "
                    + "optional; when sent it must be current.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                           @Parameter(description = "ETag of your last read (optional).") @HeaderParam("If-Match") String ifMatch) {
        influencers.delete(Ids.parse("id", id), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{id}/restore")
    @Idempotent
    @Operation(operationId = "restoreInfluencer", summary = "Restore a deleted influencer",
            description = "Undoes a delete within 30 days of it: the influencer, its live channels and its search rows come back "
                    + "as they were, reviews and incidents included. If-Match (the ETag of the deleted influencer) is optional; "
                    + "when sent it must be current.")
    @APIResponse(responseCode = "200", description = "The restored influencer.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InfluencerView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer, deleted or not.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The influencer is not deleted, or was deleted more than 30 days ago "
            + "(restorableUntil is in the problem; only an operator's purge remains).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "window closed", value = Examples.RESTORE_TOO_LATE_PROBLEM)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restore(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                            @Parameter(description = "ETag of your last read (optional).") @HeaderParam("If-Match") String ifMatch) {
        InfluencerView view = influencers.restore(Ids.parse("id", id), ifMatch);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @POST
    @RolesAllowed(Role.OPERATOR_ROLE)
    @Path("/{id}/purge")
    @Idempotent
    @Operation(operationId = "purgeInfluencer", summary = "Purge a deleted influencer for good",
            description = "Operators only, and only for an influencer deleted more than 30 days ago: removes it with its channels, "
                    + "posts, snapshots, metrics, history, reviews and incidents. This cannot be undone.")
    @APIResponse(responseCode = "204", description = "Purged.")
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer, deleted or not.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The influencer is not deleted, or its 30-day restore window is still open "
            + "(restorableUntil is in the problem).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "still restorable", value = Examples.PURGE_TOO_EARLY_PROBLEM)))
    public Response purge(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id) {
        influencers.purge(Ids.parse("id", id));
        return Response.noContent().build();
    }

    /** Deleted items are for ADMINs: they decide what comes back. */
    static final String EXPORT_CSV = "text/csv";
    static final String EXPORT_NDJSON = "application/x-ndjson";

    /** The export the Accept header asks for, in its order of preference; null for the JSON page. */
    private CatalogueExport.Format exportFormat() {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return null;
            }
            if (type.isCompatible(MediaType.valueOf(EXPORT_CSV))) {
                return CatalogueExport.Format.CSV;
            }
            if (type.isCompatible(MediaType.valueOf(EXPORT_NDJSON))) {
                return CatalogueExport.Format.NDJSON;
            }
        }
        return null;
    }

    static void requireAdminForDeleted(SecurityIdentity identity, boolean deleted, String what) {
        if (deleted && !identity.hasRole(Role.ADMIN_ROLE)) {
            throw new Forbidden("Only ADMIN keys see deleted " + what + " (deleted=true); this key's role is below ADMIN");
        }
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{id}/tier-history")
    @Operation(operationId = "getTierHistory", summary = "Read the tier changes of an influencer's channels",
            description = "Every tier a channel entered, newest first, with the follower count that caused it. "
                    + "A channel's first tier (at creation) is recorded without fromTier.")
    @APIResponse(responseCode = "200", description = "Tier changes, newest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TierChangeView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TierChangeView> tierHistory(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id) {
        return influencers.tierHistory(Ids.parse("id", id));
    }
}
