package dev.microscout.reputation;

import dev.microscout.security.Audited;
import dev.microscout.common.Ids;
import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
import dev.microscout.security.Caller;
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
@Path("/api/v1/influencers/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "Brands rate a creator after a collaboration; every organisation reads every review, "
        + "and all of them count toward the reputation.")
public class ReviewResource {

    @Inject
    ReviewService reviews;
    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReview", summary = "Review an influencer",
            description = "Records your organisation's review of a collaboration: four ratings from 1 to 5 (contentQuality, "
                    + "professionalism, timeliness, communication), an optional text of up to 4,000 characters, the date "
                    + "(not in the future; today when left out) and optionally the campaign. Your organisation may review an "
                    + "influencer once per campaign, and once without a campaign. The influencer's reputation is recomputed "
                    + "at once (GET …/reputation).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewCreate.class),
            examples = @ExampleObject(name = "after a campaign", value = Examples.REVIEW_CREATE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new review.",
            headers = @Header(name = "Location", description = "URL of the new review.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class),
                    examples = @ExampleObject(name = "created", value = Examples.REVIEW_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body (a rating outside 1–5 or not a whole number, "
            + "a date in the future, text too long), or the id is not a UUID; every invalid field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.RATING_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Your organisation has already reviewed this influencer for this campaign "
            + "(or without a campaign); the problem names the review in existingReviewId. Or campaignId names one of your "
            + "campaigns that is not DONE yet, or on which the influencer was not CONTRACTED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "already reviewed", value = Examples.REVIEW_CONFLICT_PROBLEM)))
    public Response create(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                           @Valid @NotNull ReviewCreate body) {
        ReviewView created = reviews.create(caller.organisationId(), Ids.parse("id", id), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listReviews", summary = "List an influencer's reviews",
            description = "Every organisation's reviews of the influencer, newest first (by reviewedOn, then by when they were "
                    + "recorded), each with its ratings, mean rating, text and date. The reviewing organisation's id and its "
                    + "campaign id appear on your own organisation's reviews only. Link headers (RFC 8288) give "
                    + "first, prev, next and last.")
    @APIResponse(responseCode = "200", description = "One page of reviews.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewPage.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or page or size is out of range; the problem names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                         @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                         @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ReviewPage result = reviews.list(Ids.parse("id", id), page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{reviewId}")
    @Operation(operationId = "getReview", summary = "Read a review",
            description = "One review of the influencer with its mean rating; the reviewing organisation's id and its campaign "
                    + "id appear only when your organisation wrote it.")
    @APIResponse(responseCode = "200", description = "The review.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class),
                    examples = @ExampleObject(name = "review", value = Examples.REVIEW_VIEW)))
    @APIResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer, or no such review of it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView get(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                          @Parameter(description = "Review id (UUID).") @PathParam("reviewId") String reviewId) {
        return reviews.get(Ids.parse("id", id), Ids.parse("reviewId", reviewId));
    }
}
