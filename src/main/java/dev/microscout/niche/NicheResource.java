package dev.microscout.niche;

import dev.microscout.security.Audited;
import dev.microscout.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Audited
@Path("/api/v1/niches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Niches", description = "The niche taxonomy that profiles and briefs refer to by slug.")
public class NicheResource {

    @Inject
    NicheService niches;

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "listNiches", summary = "Read the niche taxonomy",
            description = "Returns the whole niche tree: top-level niches with their sub-niches. A sub-niche gives "
                    + "partial credit to its parent in niche fit (half its weight to the parent, a quarter to the grandparent).")
    @APIResponse(responseCode = "200", description = "The niche tree.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = NicheNode.class)))
    public List<NicheNode> tree() {
        return niches.tree();
    }

    @jakarta.ws.rs.POST
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @dev.microscout.security.Idempotent
    @Operation(operationId = "createNiche", summary = "Add a niche to the taxonomy",
            description = "Adds a top-level niche or a sub-niche under a parent. Profiles and briefs can use it at once; a brief "
                    + "naming an unknown slug is a 400 that names it.")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NicheNode.class)))
    @APIResponse(responseCode = "400", description = "Invalid slug or name, or an unknown parent.",
            content = @Content(mediaType = dev.microscout.common.Problem.MEDIA_TYPE, schema = @Schema(implementation = dev.microscout.common.Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug exists.",
            content = @Content(mediaType = dev.microscout.common.Problem.MEDIA_TYPE, schema = @Schema(implementation = dev.microscout.common.Problem.class)))
    public jakarta.ws.rs.core.Response create(@jakarta.validation.Valid @jakarta.validation.constraints.NotNull NicheCreate body) {
        NicheNode created = niches.create(body);
        return jakarta.ws.rs.core.Response.status(201).entity(created).build();
    }
}
