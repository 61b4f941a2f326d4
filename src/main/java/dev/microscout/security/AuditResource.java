package dev.microscout.security;

import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
import dev.microscout.security.SecurityViews.AuditEventView;
import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every write through the API, by organisation and key.")
public class AuditResource {

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listAuditEvents", summary = "List your organisation's writes",
            description = "Newest first: which key (by prefix) created or changed what (method, path, resource id), when, and with "
                    + "which status. Only your organisation's events are visible.")
    @APIResponse(responseCode = "200", description = "One page of events; Link headers give first, prev, next and last.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SecurityViews.AuditEventPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "Page number, starting at 0, at most 1,000,000.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                         @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        // Tenant filtering is Hibernate's (@TenantId): no organisation condition is needed, or possible to forget.
        var query = AuditEvent.<AuditEvent>find("order by occurredAt desc, id desc");
        long total = query.count();
        List<AuditEventView> events = query.page(Page.of(page, size)).list().stream()
                .map(e -> new AuditEventView(e.id, e.keyPrefix, e.method, e.path, e.status, e.resourceId, e.occurredAt))
                .toList();
        return Response.ok(new SecurityViews.AuditEventPage(events, page, size, total))
                .header("Link", PageLinks.header(uri, page, size, total)).build();
    }
}
