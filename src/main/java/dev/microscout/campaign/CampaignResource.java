package dev.microscout.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microscout.campaign.CampaignViews.CampaignCreate;
import dev.microscout.campaign.CampaignViews.CampaignPage;
import dev.microscout.campaign.CampaignViews.CampaignReport;
import dev.microscout.campaign.CampaignViews.CampaignView;
import dev.microscout.campaign.CampaignViews.ResultBatch;
import dev.microscout.campaign.CampaignViews.ShortlistEntryView;
import dev.microscout.campaign.CampaignViews.ShortlistPage;
import dev.microscout.campaign.CampaignViews.ShortlistPut;
import dev.microscout.campaign.CampaignViews.ShortlistWritten;
import dev.microscout.common.Etags;
import dev.microscout.common.Ids;
import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
import dev.microscout.discovery.SearchResults.SearchResponse;
import dev.microscout.security.Audited;
import dev.microscout.security.Idempotent;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.HttpHeaders;
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

@Audited
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Your organisation's campaigns: a brief, a budget and dates; recommendations from the "
        + "ranked search; a shortlist that keeps each creator's score as it was; the results of contracted creators' posts and "
        + "the report of what they cost per view, engagement and micro-conversion. Another organisation's campaign is a 404.")
public class CampaignResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PATCH_SCHEMA = "Any of name, brief, budget, startsOn, endsOn and status (CampaignChange describes them); "
            + "null removes a date.";
    static final String CSV = "text/csv";
    /** One campaign: any segment but insights, which is a path of its own (so PATCH …/insights is a 405, not a bad id). */
    static final String ONE = "/{id: (?!insights$)[^/]+}";

    @Inject
    CampaignService campaigns;
    @Inject
    ShortlistService shortlist;
    @Inject
    ResultService results;
    @Inject
    InsightsService insights;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCampaign", summary = "Create a campaign",
            description = "A campaign starts as DRAFT. Its brief is validated exactly as a search brief (the same rules and "
                    + "errors, each field named under brief); page and size are not kept: its recommendations take them per request.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignCreate.class),
            examples = @ExampleObject(name = "launch", value = Examples.CAMPAIGN_CREATE)))
    @APIResponse(responseCode = "201", description = "Created as DRAFT.",
            headers = {@Header(name = "Location", description = "URL of the new campaign.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the new campaign.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class),
                    examples = @ExampleObject(name = "campaign", value = Examples.CAMPAIGN_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body: a brief a search would refuse, a budget out of "
            + "range, an end before the start; every invalid field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown niche", value = Examples.BRIEF_PROBLEM)))
    public Response create(@Valid @NotNull CampaignCreate body) {
        CampaignView created = campaigns.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .header("ETag", Etags.of(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listCampaigns", summary = "List your campaigns",
            description = "Your organisation's campaigns, newest first, optionally of one status. Link headers (RFC 8288) give "
                    + "first, prev, next and last.")
    @APIResponse(responseCode = "200", description = "One page of campaigns.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignPage.class)))
    public Response list(@Parameter(description = "Only campaigns of this status.") @QueryParam("status") CampaignStatus status,
                         @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                         @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        CampaignPage result = campaigns.list(status, page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/insights")
    @Operation(operationId = "getCampaignInsights", summary = "What your finished campaigns teach about the ranking",
            description = "Across your organisation's DONE campaigns, each contracted creator's ranking components as kept at "
                    + "shortlisting (nicheFit, engagement, reputation, audienceFit) against what the collaboration cost per "
                    + "micro-conversion, relative to its campaign's: per component, Spearman's rank correlation, the "
                    + "collaborations it rests on and a plain-words confidence; and weights fitted to the outcomes "
                    + "(non-negative least squares with an intercept on the cheapness percentile, normalised to sum 1), with "
                    + "their error on held-out collaborations against the default weights'. With fewer than 20 collaborations "
                    + "the answer says so and suggests the defaults.")
    @APIResponse(responseCode = "200", description = "The insights.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InsightsService.InsightsView.class)))
    public InsightsService.InsightsView insights() {
        return insights.insights();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path(ONE)
    @Operation(operationId = "getCampaign", summary = "Read a campaign",
            description = "The campaign with its shortlist by status and the agreed prices against the budget (in the budget's "
                    + "currency). The ETag header carries the version to send in If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The campaign.",
            headers = @Header(name = "ETag", description = "Current version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class),
                    examples = @ExampleObject(name = "campaign", value = Examples.CAMPAIGN_VIEW)))
    @APIResponse(responseCode = "404", description = "No such campaign of your organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id) {
        CampaignView view = campaigns.get(Ids.parse("id", id));
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @PATCH
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path(ONE)
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchCampaign", summary = "Change a campaign, or move its status",
            description = "JSON Merge Patch (RFC 7396) of name, brief, budget, startsOn, endsOn and status; the result is "
                    + "validated like a new campaign. status moves DRAFT → ACTIVE → DONE, or to CANCELLED from DRAFT or ACTIVE; "
                    + "any other move is a 409 naming the moves allowed. Each move is announced to your webhooks as "
                    + "campaign.status_changed. The budget's currency cannot change once prices or results were converted into "
                    + "it. Requires If-Match with the ETag of your last read; a patch that changes nothing keeps the version.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = {@ExampleObject(name = "activate", value = Examples.CAMPAIGN_ACTIVATE),
                            @ExampleObject(name = "more budget", value = Examples.CAMPAIGN_BUDGET)}),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = {@ExampleObject(name = "activate", value = Examples.CAMPAIGN_ACTIVATE),
                            @ExampleObject(name = "more budget", value = Examples.CAMPAIGN_BUDGET)})})
    @APIResponse(responseCode = "200", description = "The changed campaign.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "A status move the course does not allow, or a new budget currency after "
            + "prices were converted into the old one.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid move", value = Examples.TRANSITION_PROBLEM)))
    public Response patch(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                          @Parameter(description = "ETag of your last read of the campaign.", required = true, example = "\"0\"")
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull JsonNode patch) {
        CampaignView view = campaigns.patch(Ids.parse("id", id), ifMatch, patch);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path(ONE)
    @Operation(operationId = "deleteCampaign", summary = "Delete a draft or cancelled campaign",
            description = "Removes a DRAFT or CANCELLED campaign with its shortlist. An ACTIVE or DONE campaign stays (409): it "
                    + "is the record of what creators delivered. If-Match is optional; when sent it must be current.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "The campaign is ACTIVE or DONE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                           @Parameter(description = "ETag of your last read of the campaign (optional).") @HeaderParam("If-Match") String ifMatch) {
        campaigns.delete(Ids.parse("id", id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{id}/recommendations")
    @Operation(operationId = "recommendCampaignCreators", summary = "Recommend creators for a campaign",
            description = "The campaign's brief through the ranked search (the same scores, components, reasons, paging and "
                    + "speed), leaving out every creator already on its shortlist, rejected ones included. Pages reach the top "
                    + "1,000 results.")
    @APIResponse(responseCode = "200", description = "One page of ranked candidates.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "page × size reaches past the top 1,000 results, or the id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such campaign of your organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResponse recommendations(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                                          @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(999) int page,
                                          @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return shortlist.recommendations(Ids.parse("id", id), page, size);
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{id}/shortlist")
    @Operation(operationId = "listShortlist", summary = "Read a campaign's shortlist",
            description = "The creators on the shortlist in the order they were shortlisted, optionally of one status, each with "
                    + "the score, components and reasons kept from when they were shortlisted; and the agreed prices summed "
                    + "against the budget (a warning when they exceed it).")
    @APIResponse(responseCode = "200", description = "One page of the shortlist.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShortlistPage.class)))
    public Response listShortlist(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                                  @Parameter(description = "Only entries of this status.") @QueryParam("status") ShortlistStatus status,
                                  @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                  @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ShortlistPage result = shortlist.list(Ids.parse("id", id), status, page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @PUT
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{id}/shortlist/{influencerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putShortlistEntry", summary = "Shortlist a creator, or change their entry",
            description = "Puts the creator on the shortlist (201) with the score, components and reasons the campaign's brief "
                    + "gives them now, kept as they are; or changes their entry (200), which needs If-Match with the entry's "
                    + "ETag. Fields left out keep their value; an empty note clears it. status moves SHORTLISTED → CONTACTED → "
                    + "CONTRACTED, or to REJECTED before a contract (409 otherwise). An agreed price in another currency is "
                    + "converted into the budget's with your organisation's exchange rates; prices over the budget are a "
                    + "warning in the answer, never a refusal. Only a DRAFT or ACTIVE campaign's shortlist changes.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShortlistPut.class),
            examples = @ExampleObject(name = "contract", value = Examples.SHORTLIST_PUT)))
    @APIResponse(responseCode = "200", description = "The entry changed, and the campaign's standing against its budget.",
            headers = @Header(name = "ETag", description = "The entry's new version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShortlistWritten.class),
                    examples = @ExampleObject(name = "contracted", value = Examples.SHORTLIST_WRITTEN)))
    @APIResponse(responseCode = "201", description = "The creator shortlisted, and the campaign's standing against its budget.",
            headers = {@Header(name = "ETag", description = "The entry's version.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Location", description = "URL of the entry.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShortlistWritten.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, a channel that is not the creator's, or an agreed price in a "
            + "currency no exchange rate converts into the budget's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such campaign of your organisation, or no such creator.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A status move the course does not allow, or the campaign is DONE or CANCELLED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The creator is on the shortlist already and If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response putShortlistEntry(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                                      @Parameter(description = "Influencer id (UUID).") @PathParam("influencerId") String influencerId,
                                      @Parameter(description = "ETag of the entry, to change one already on the shortlist.")
                                      @HeaderParam("If-Match") String ifMatch,
                                      @Valid @NotNull ShortlistPut body) {
        ShortlistService.Put put = shortlist.put(Ids.parse("id", id), Ids.parse("influencerId", influencerId), ifMatch, body);
        ShortlistWritten written = put.written();
        Response.ResponseBuilder response = put.created() ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return response.header("ETag", Etags.of(written.entry().version())).entity(written).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{id}/shortlist/{influencerId}")
    @Operation(operationId = "getShortlistEntry", summary = "Read a shortlist entry",
            description = "One creator's entry with the score, components and reasons kept from when they were shortlisted. "
                    + "The ETag header carries the version to send in If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The entry.",
            headers = @Header(name = "ETag", description = "Current version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShortlistEntryView.class)))
    @APIResponse(responseCode = "404", description = "No such campaign of your organisation, or the creator is not on its shortlist.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getShortlistEntry(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                                      @Parameter(description = "Influencer id (UUID).") @PathParam("influencerId") String influencerId) {
        ShortlistEntryView view = shortlist.get(Ids.parse("id", id), Ids.parse("influencerId", influencerId));
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_ROLE)
    @Path("/{id}/shortlist/{influencerId}")
    @Operation(operationId = "deleteShortlistEntry", summary = "Take a creator off the shortlist",
            description = "Removes the entry (and so lets the creator back into the recommendations). A creator with results, "
                    + "or on a DONE campaign, stays (409). If-Match is optional; when sent it must be current.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No such campaign of your organisation, or the creator is not on its shortlist.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The creator has results, or the campaign is DONE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deleteShortlistEntry(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                                         @Parameter(description = "Influencer id (UUID).") @PathParam("influencerId") String influencerId,
                                         @Parameter(description = "ETag of the entry (optional).") @HeaderParam("If-Match") String ifMatch) {
        shortlist.delete(Ids.parse("id", id), Ids.parse("influencerId", influencerId), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @Idempotent
    @Path("/{id}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordCampaignResults", summary = "Record what contracted creators' posts delivered",
            description = "1 to 100 results, one per contracted creator and post: views, reach, likes, comments, saves, shares, "
                    + "linkClicks, dms, conversions and the cost (in any currency, converted into the budget's). A result for a "
                    + "creator and post already recorded replaces it. Only an ACTIVE or DONE campaign takes results; the answer "
                    + "is the campaign's report.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultBatch.class),
            examples = @ExampleObject(name = "one post", value = Examples.RESULTS)))
    @APIResponse(responseCode = "200", description = "Recorded; the campaign's report.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid body: a creator not CONTRACTED on the campaign, reach above views, a "
            + "cost no exchange rate converts, a post repeated in the batch; every invalid field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not contracted", value = Examples.NOT_CONTRACTED_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such campaign of your organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The campaign is DRAFT or CANCELLED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignReport recordResults(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id,
                                        @Valid @NotNull ResultBatch batch) {
        return results.record(Ids.parse("id", id), batch);
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getCampaignReport", summary = "Report what a campaign delivered",
            description = "Per contracted creator and for the campaign: the sums of the results and CPM, cost per engagement, cost "
                    + "per micro-conversion, engagement rate and conversion rate as ratios of those sums (absent where a divisor "
                    + "is 0), costs in the budget's currency, and your review of each creator once written. With Accept: text/csv, "
                    + "one line per creator and a last line, influencerId total, for the campaign.")
    @APIResponse(responseCode = "200", description = "The report.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "report", value = Examples.REPORT_CSV))})
    @APIResponse(responseCode = "404", description = "No such campaign of your organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@Parameter(description = "Campaign id (UUID).") @PathParam("id") String id, @Context HttpHeaders headers) {
        CampaignReport report = results.report(Ids.parse("id", id));
        boolean csv = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType()).orElse(false);
        if (csv) {
            return Response.ok(results.csv(report), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"campaign-" + report.campaignId() + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
