package dev.microscout.security;

import dev.microscout.common.Ids;
import dev.microscout.common.Problem;
import dev.microscout.security.SecurityViews.ApiKeyCreate;
import dev.microscout.security.SecurityViews.ApiKeyCreated;
import dev.microscout.security.SecurityViews.ApiKeyView;
import dev.microscout.security.SecurityViews.OrganisationCreate;
import dev.microscout.security.SecurityViews.OrganisationView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Audited
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations and keys", description = "Organisations own API keys, campaigns, webhooks and imports. Keys are shown once.")
public class OrganisationResource {

    @Inject
    OrganisationService organisations;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_ROLE)
    @Idempotent
    @Operation(operationId = "createOrganisation", summary = "Create an organisation",
            description = "Operators only (the bootstrap key). Create an ADMIN key for the new organisation next.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = "Location", description = "URL of the organisation.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull OrganisationCreate body) {
        OrganisationView created = organisations.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_ROLE)
    @Operation(operationId = "getOrganisation", summary = "Read an organisation",
            description = "Your own organisation only; any other id is answered 404.")
    @APIResponse(responseCode = "200", description = "The organisation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organisation (or not yours).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrganisationView get(@Parameter(description = "Organisation id (UUID).") @PathParam("id") String id) {
        UUID organisationId = Ids.parse("id", id);
        caller.requireOwnOrganisation(organisationId);
        return organisations.get(organisationId);
    }

    @POST
    @Path("/{id}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Idempotent
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Creates a random key (256 bits) for your organisation. The key is in this response only: it is stored as a "
                    + "hash with a public prefix and cannot be shown again.")
    @APIResponse(responseCode = "201", description = "Created; the body holds the key.",
            headers = @Header(name = "Location", description = "URL of the key's listing.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyCreated.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organisation (or not yours).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createKey(@Parameter(description = "Organisation id (UUID).") @PathParam("id") String id,
                              @Valid @NotNull ApiKeyCreate body) {
        UUID organisationId = Ids.parse("id", id);
        caller.requireOwnOrganisation(organisationId);
        ApiKeyCreated created = organisations.createKey(organisationId, body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}/api-keys")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Every key of your organisation with its prefix, role and revocation time; never the key itself.")
    @APIResponse(responseCode = "200", description = "The keys, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organisation (or not yours).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ApiKeyView> keys(@Parameter(description = "Organisation id (UUID).") @PathParam("id") String id) {
        UUID organisationId = Ids.parse("id", id);
        caller.requireOwnOrganisation(organisationId);
        return organisations.keys(organisationId);
    }

    @DELETE
    @Path("/{id}/api-keys/{keyId}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working with the next request. Revoking twice is harmless.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organisation or key (or not yours).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@Parameter(description = "Organisation id (UUID).") @PathParam("id") String id,
                           @Parameter(description = "Key id (UUID).") @PathParam("keyId") String keyId) {
        UUID organisationId = Ids.parse("id", id);
        caller.requireOwnOrganisation(organisationId);
        organisations.revoke(organisationId, Ids.parse("keyId", keyId));
        return Response.noContent().build();
    }
}
