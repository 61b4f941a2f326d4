package dev.microscout.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.FieldError;
import dev.microscout.common.Ids;
import dev.microscout.common.InvalidInput;
import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
import dev.microscout.security.Audited;
import dev.microscout.security.AuditsItself;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Audited
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk upserts of influencers, posts, follower snapshots and campaign results from CSV or NDJSON files, "
        + "worked through in the background with progress, counts and every failed line.")
public class ImportResource {

    @Inject
    ImportService imports;
    @Inject
    ObjectMapper json;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @AuditsItself
    // Any type is let in, so that the caller's key is checked first and a wrong type gets a problem naming the right ones.
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "createImport", summary = "Import a CSV or NDJSON file",
            description = "Streams the file to storage as it arrives (up to 10 GB; it is never held in memory), checks a CSV's "
                    + "header, and queues a job that upserts every valid line through the same rules as the API: influencers by "
                    + "platform and handle (one line per channel, the profile repeated on each), posts by channel and externalId, "
                    + "snapshots by channel and date. Watch the job at its Location; GET …/errors lists every refused line. "
                    + "Sending the same file again changes nothing (all lines unchanged), so a retry is safe.\n\n"
                    + "CSV: RFC 4180, UTF-8 with or without BOM, a header row, delimiter , ; or tab (the header's is used unless "
                    + "delimiter is given). NDJSON: one JSON object per line with the same names. Columns for influencers: "
                    + "influencerId, ref, displayName, bio, country, city, languages (id|en), contactEmail, niches "
                    + "(skincare:0.8|makeup:0.2), rateCurrency, ratePerPost, platform, handle, url, followers, following, verified, "
                    + "genderShares (female:0.7|male:0.3), ageShares, countryShares. A line names its creator by influencerId (as "
                    + "exported), else by its channel when the catalogue knows it, else by ref (your own id for a new creator: "
                    + "lines with the same ref are its channels). Posts: channelId or platform and handle, externalId, postedAt, "
                    + "format, sponsored, views, reach, likes, comments, saves, shares, linkClicks, dms, mentions, tags (a|b). "
                    + "Snapshots: channelId or platform and handle, date, followers. Examples: docs/examples/.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "two channels of one creator", value = Examples.INFLUENCERS_CSV)),
            // No inline example: the document would read an NDJSON line as a JSON object. See docs/examples/*.ndjson.
            @Content(mediaType = ImportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "One JSON object per line, with the CSV's column names; docs/examples/ has one of each kind."))})
    @APIResponse(responseCode = "202", description = "Received and queued; Location names the job.",
            headers = @Header(name = "Location", description = "URL of the job.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.ImportJobView.class),
                    examples = @ExampleObject(name = "queued", value = Examples.JOB_QUEUED)))
    @APIResponse(responseCode = "400", description = "An unknown kind, columns or delimiter; an empty file; a CSV header without a "
            + "required column. Nothing is kept.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than an import accepts (10 GB unless configured).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(description = "What the file holds: influencers, posts, snapshots, or results (of your campaigns' "
                    + "contracted creators: campaignId, influencerId, post, views, reach, likes, comments, saves, shares, linkClicks, "
                    + "dms, conversions, costAmount, costCurrency, and optionally postedOn).", required = true,
                    schema = @Schema(enumeration = {"influencers", "posts", "snapshots", "results"}))
            @QueryParam("kind") String kind,
            @Parameter(description = "Your header (or NDJSON) names mapped onto ours, as a JSON object: "
                    + "{\"Creator name\": \"displayName\", \"IG handle\": \"handle\"}. Names not mapped are taken as they are.",
                    example = "{\"Creator name\": \"displayName\"}")
            @QueryParam("columns") String columns,
            @Parameter(description = "The CSV delimiter: , ; tab or |. Without it, the header row's is used.",
                    schema = @Schema(enumeration = {",", ";", "tab", "|"}))
            @QueryParam("delimiter") String delimiter,
            // Documented with every POST's Idempotency-Key; for a file, "the same body" is the same bytes (its SHA-256).
            @Parameter(hidden = true) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        ImportFormat format = format(contentType);
        ImportKind importKind = kind(kind);
        Map<String, String> mapping = columns(columns, importKind);
        Character separator = delimiter(delimiter, format);
        ImportService.Received received = imports.receive(importKind, format, separator, mapping, idempotencyKey, body, uri.getPath());
        ImportViews.ImportJobView job = received.job();
        Response.ResponseBuilder response = Response.accepted(job)
                .location(uri.getBaseUriBuilder().path("api/v1/imports").path(job.id().toString()).build());
        return (received.replayed() ? response.header("Idempotent-Replayed", "true") : response).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listImports", summary = "List your imports",
            description = "Your organisation's import jobs, newest first; other organisations' jobs are not visible.")
    @APIResponse(responseCode = "200", description = "One page of jobs; Link names the neighbouring pages.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.ImportJobPage.class)))
    public Response list(@Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                         @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ImportViews.ImportJobPage result = imports.list(page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "getImport", summary = "Watch an import",
            description = "Status, lines counted and worked through, created / updated / unchanged / failed, rows per second and "
                    + "the estimated finish. The counts are committed with the lines they count.")
    @APIResponse(responseCode = "200", description = "The job.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.ImportJobView.class),
                    examples = @ExampleObject(name = "running", value = Examples.JOB_RUNNING)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import (or not your organisation's).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportViews.ImportJobView get(@Parameter(description = "Import id (UUID).") @PathParam("id") String id) {
        return imports.get(Ids.parse("id", id));
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listImportErrors", summary = "List an import's failed lines",
            description = "Every refused line in file order: its number, the column (by your header's name) and the reason, and "
                    + "the start of the line as sent. A line refused for several reasons appears once per reason.")
    @APIResponse(responseCode = "200", description = "One page of failed lines; Link names the neighbouring pages.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.ImportErrorPage.class),
                    examples = @ExampleObject(name = "two reasons", value = Examples.ERRORS)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or page or size is out of range.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import (or not your organisation's).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response errors(@Parameter(description = "Import id (UUID).") @PathParam("id") String id,
                           @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                           @Parameter(description = "Page size, 1 to 1000.") @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        ImportViews.ImportErrorPage result = imports.errors(Ids.parse("id", id), page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.EDITOR_ROLE)
    @Operation(operationId = "cancelImport", summary = "Cancel an import",
            description = "A queued job ends at once; a running one after the chunk it is working on. What was committed stays "
                    + "(the job says how far it got); send the rest again to finish.")
    @APIResponse(responseCode = "202", description = "Cancelled, or cancelling: the job as it stands.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import (or not your organisation's).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job has ended (DONE, FAILED or CANCELLED).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@Parameter(description = "Import id (UUID).") @PathParam("id") String id) {
        return Response.accepted(imports.cancel(Ids.parse("id", id))).build();
    }

    // ---- parameters ------------------------------------------------------------------------

    /** A file is text/csv or application/x-ndjson, in UTF-8 (said or not). */
    private static ImportFormat format(String contentType) {
        MediaType type;
        try {
            type = contentType == null || contentType.isBlank() ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        ImportFormat format = ImportFormat.of(type);
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (format == null || (charset != null && !charset.equalsIgnoreCase("utf-8"))) {
            throw new UnsupportedFileType(contentType);
        }
        return format;
    }

    /** 415 naming what an import reads. */
    static final class UnsupportedFileType extends dev.microscout.common.ApiException {
        UnsupportedFileType(String sent) {
            super(415, dev.microscout.common.ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "An import reads text/csv or application/x-ndjson in UTF-8; the request's Content-Type was "
                            + (sent == null || sent.isBlank() ? "missing" : "\"" + abbreviate(sent) + "\""), null, null);
        }
    }

    private static ImportKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("kind", "is required: influencers, posts, snapshots or results");
        }
        ImportKind kind = ImportKind.of(value);
        if (kind == null) {
            throw new InvalidInput("kind", "must be influencers, posts, snapshots or results, was \"" + abbreviate(value) + "\"");
        }
        return kind;
    }

    private Map<String, String> columns(String value, ImportKind kind) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        Map<String, String> mapping;
        try {
            mapping = json.readValue(value, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new InvalidInput("columns", "must be a JSON object of your names onto ours, e.g. {\"Creator name\": \"displayName\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        mapping.forEach((theirs, ours) -> {
            if (theirs == null || theirs.isBlank() || theirs.indexOf('\u0000') >= 0) {
                errors.add(new FieldError("columns", "a name to map must not be empty"));
            } else if (ours == null || !kind.reads(ours)) {
                errors.add(new FieldError("columns", "maps \"" + abbreviate(theirs) + "\" onto \"" + (ours == null ? "null" : abbreviate(ours))
                        + "\", which is not a column of " + kind.value() + " (" + String.join(", ", kind.columns()) + ")"));
            } else if (seen.put(ours, theirs) != null) {
                errors.add(new FieldError("columns", "maps two names onto \"" + ours + "\""));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return mapping;
    }

    private static Character delimiter(String value, ImportFormat format) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (format != ImportFormat.CSV) {
            throw new InvalidInput("delimiter", "applies to CSV only");
        }
        return switch (value) {
            case ",", ";", "|" -> value.charAt(0);
            case "tab", "\t" -> '\t';
            default -> throw new InvalidInput("delimiter", "must be , ; tab or |, was \"" + abbreviate(value) + "\"");
        };
    }

    private static String abbreviate(String value) {
        String clean = value.replace('\u0000', '\uFFFD');
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }
}
