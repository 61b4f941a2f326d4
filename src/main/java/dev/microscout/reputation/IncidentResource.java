package dev.microscout.reputation;

import dev.microscout.security.Audited;
import com.fasterxml.jackson.databind.JsonNode;
import dev.microscout.common.Etags;
import dev.microscout.common.Ids;
import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
@Path("/api/v1/influencers/{id}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Brand-safety records of a creator. An unresolved incident of the last 24 months lowers "
        + "the reputation by 0.1, 0.25 or 0.5 (LOW, MEDIUM, HIGH).")
public class IncidentResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PATCH_SCHEMA = "Any of resolved, description, severity and source (IncidentCreate describes them); "
            + "null removes description or source. kind and occurredOn cannot change.";

    @Inject
    IncidentService incidents;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIncident", summary = "Record an incident",
            description = "Records a brand-safety incident: its kind (a slug such as undisclosed-ad), severity, the date it "
                    + "occurred (not in the future), where it is documented, and whether it is already resolved. While "
                    + "unresolved and at most 24 months old it takes 0.1 (LOW), 0.25 (MEDIUM) or 0.5 (HIGH) off the "
                    + "influencer's reputation, which is recomputed at once. An ADMIN of any organisation may report one and it "
                    + "counts for everyone; the reporter is never shown, but only its ADMINs (or an operator) may change it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentCreate.class),
            examples = @ExampleObject(name = "undisclosed ad", value = Examples.INCIDENT_CREATE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new incident.",
            headers = {@Header(name = "Location", description = "URL of the new incident.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the new incident.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class),
                    examples = @ExampleObject(name = "created", value = Examples.INCIDENT_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body, or the id is not a UUID; every invalid field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND_PROBLEM)))
    public Response create(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                           @Valid @NotNull IncidentCreate body) {
        IncidentView created = incidents.create(Ids.parse("id", id), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .header("ETag", Etags.of(created.version()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listIncidents", summary = "List an influencer's incidents",
            description = "Every incident of the influencer, resolved or not, newest first (by occurredOn, then by when they "
                    + "were recorded). Link headers (RFC 8288) give first, prev, next and last.")
    @APIResponse(responseCode = "200", description = "One page of incidents.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentPage.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or page or size is out of range; the problem names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                         @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                         @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        IncidentPage result = incidents.list(Ids.parse("id", id), page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Path("/{incidentId}")
    @Operation(operationId = "getIncident", summary = "Read an incident",
            description = "One incident of the influencer. The ETag header carries the version to send in If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The incident.",
            headers = @Header(name = "ETag", description = "Current version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class),
                    examples = @ExampleObject(name = "incident", value = Examples.INCIDENT_VIEW)))
    @APIResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such influencer, or no such incident of it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                        @Parameter(description = "Incident id (UUID).") @PathParam("incidentId") String incidentId) {
        IncidentView view = incidents.get(Ids.parse("id", id), Ids.parse("incidentId", incidentId));
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @PATCH
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{incidentId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchIncident", summary = "Resolve or correct an incident",
            description = "JSON Merge Patch (RFC 7396) of resolved, description, severity and source; the result is validated "
                    + "like a new incident. What happened and when (kind, occurredOn) stays as recorded. Resolving an incident "
                    + "or changing its severity recomputes the influencer's reputation at once. Only ADMINs of the organisation "
                    + "that reported the incident (reportedByYourOrganisation), or an operator, may change it. Requires If-Match "
                    + "with the ETag of your last read; a patch that changes nothing keeps the version.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = @ExampleObject(name = "resolve", value = Examples.INCIDENT_PATCH)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = @ExampleObject(name = "resolve", value = Examples.INCIDENT_PATCH))})
    @APIResponse(responseCode = "200", description = "The updated incident.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "400", description = "The patched incident is invalid, the patch names a field that cannot "
            + "change, or an id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another organisation reported the incident (or the key is below ADMIN).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not the reporter", value = Examples.NOT_THE_REPORTER_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such influencer, or no such incident of it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale: somebody changed the incident since your read.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE_PROBLEM)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = Examples.PRECONDITION_REQUIRED_PROBLEM)))
    public Response patch(@Parameter(description = "Influencer id (UUID).") @PathParam("id") String id,
                          @Parameter(description = "Incident id (UUID).") @PathParam("incidentId") String incidentId,
                          @Parameter(description = "ETag of your last read of the incident.", required = true, example = "\"0\"")
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull JsonNode patch) {
        IncidentView view = incidents.patch(Ids.parse("id", id), Ids.parse("incidentId", incidentId), ifMatch, patch);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }
}
