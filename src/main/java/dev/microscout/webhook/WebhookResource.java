package dev.microscout.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microscout.common.Etags;
import dev.microscout.common.Ids;
import dev.microscout.common.PageLinks;
import dev.microscout.common.Problem;
import dev.microscout.security.Audited;
import dev.microscout.security.Idempotent;
import dev.microscout.security.Role;
import dev.microscout.webhook.WebhookViews.DeliveryPage;
import dev.microscout.webhook.WebhookViews.DeliveryView;
import dev.microscout.webhook.WebhookViews.WebhookCreate;
import dev.microscout.webhook.WebhookViews.WebhookCreated;
import dev.microscout.webhook.WebhookViews.WebhookPage;
import dev.microscout.webhook.WebhookViews.WebhookSecretRotated;
import dev.microscout.webhook.WebhookViews.WebhookView;
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

import java.net.URI;

@Audited
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Your organisation's webhook endpoints (Standard Webhooks 1.0). Each delivery is a POST of "
        + "{\"type\", \"timestamp\", \"data\"} with the headers webhook-id (stable across retries), webhook-timestamp (Unix "
        + "seconds of the attempt) and webhook-signature (v1, + base64 HMAC-SHA256 of id.timestamp.body, keyed with the "
        + "base64-decoded part of the secret after whsec_). A 2xx answer delivers; anything else is retried with exponential "
        + "backoff and jitter (about 5 s, 30 s, 2 min, 10 min, 1 h, then every few hours for about a day), then the delivery "
        + "fails. A 429 or 503 answer with Retry-After postpones the next attempt by that much, up to the schedule's longest "
        + "step. An endpoint that answers 410, or fails for 5 days, is disabled.")
public class WebhookResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PATCH_SCHEMA = "Any of url, events, description and enabled (WebhookChange describes them); null removes "
            + "the description.";

    @Inject
    WebhookService webhooks;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "Registers a URL and the event types it receives. The service generates the signing secret "
                    + "(whsec_ + base64 of 24 random bytes) and shows it in this response only: store it to verify deliveries. "
                    + "A replay with the same Idempotency-Key answers 409 secret-already-issued with the endpoint's id, never "
                    + "the secret. channel.tier_changed and incident.created are changes of the shared catalogue and reach "
                    + "every organisation that subscribes; import.completed and campaign.status_changed reach only the "
                    + "organisation that owns the import or campaign.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookCreate.class),
            examples = @ExampleObject(name = "CRM endpoint", value = Examples.WEBHOOK_CREATE)))
    @APIResponse(responseCode = "201", description = "Registered; the response carries the secret, shown this once.",
            headers = {@Header(name = "Location", description = "URL of the new endpoint.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the new endpoint.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookCreated.class),
                    examples = @ExampleObject(name = "registered", value = Examples.WEBHOOK_CREATED)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body: url not an absolute http(s) URL (in production: "
            + "not https, or resolving to a loopback, private, link-local or other non-public address), events empty or "
            + "naming an unknown type; every invalid field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "private address", value = Examples.URL_PROBLEM),
                            @ExampleObject(name = "unknown event type", value = Examples.EVENTS_PROBLEM)}))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a registration already (its secret "
            + "was shown then), or a request with it is still running.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "secret already issued", value = Examples.SECRET_ISSUED_PROBLEM)))
    public Response create(@Valid @NotNull WebhookCreate body) {
        WebhookCreated created = webhooks.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.webhook().id().toString()).build())
                .header("ETag", Etags.of(created.webhook().version()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(operationId = "listWebhooks", summary = "List your webhook endpoints",
            description = "Your organisation's endpoints, oldest first, without their secrets. Link headers (RFC 8288) give "
                    + "first, prev, next and last.")
    @APIResponse(responseCode = "200", description = "One page of endpoints.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPage.class)))
    public Response list(@Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                         @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        WebhookPage result = webhooks.list(page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook endpoint",
            description = "One endpoint, without its secret. The ETag header carries the version to send in If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The endpoint.",
            headers = @Header(name = "ETag", description = "Current version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "endpoint", value = Examples.WEBHOOK_VIEW)))
    @APIResponse(responseCode = "404", description = "No such endpoint of your organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND_PROBLEM)))
    public Response get(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id) {
        WebhookView view = webhooks.get(Ids.parse("id", id));
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @PATCH
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchWebhook", summary = "Change, disable or enable a webhook endpoint",
            description = "JSON Merge Patch (RFC 7396) of url, events, description and enabled; the result is validated like a "
                    + "new endpoint. enabled false stops deliveries (pending ones fail, and can be sent again later); enabled "
                    + "true resumes them and clears the reason the endpoint was disabled for (an answer 410, 5 days of failures, "
                    + "or an ADMIN). Requires If-Match with the ETag of your last read; a patch that changes nothing keeps the "
                    + "version. The secret changes only by rotation.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = {@ExampleObject(name = "more events", value = Examples.WEBHOOK_PATCH),
                            @ExampleObject(name = "disable", value = Examples.WEBHOOK_DISABLE)}),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = PATCH_SCHEMA),
                    examples = {@ExampleObject(name = "more events", value = Examples.WEBHOOK_PATCH),
                            @ExampleObject(name = "disable", value = Examples.WEBHOOK_DISABLE)})})
    @APIResponse(responseCode = "200", description = "The changed endpoint.",
            headers = @Header(name = "ETag", description = "New version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response patch(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id,
                          @Parameter(description = "ETag of your last read of the endpoint.", required = true, example = "\"0\"")
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull JsonNode patch) {
        WebhookView view = webhooks.patch(Ids.parse("id", id), ifMatch, patch);
        return Response.ok(view).header("ETag", Etags.of(view.version())).build();
    }

    @DELETE
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint",
            description = "Removes the endpoint with its deliveries and their attempts; pending deliveries are not sent. "
                    + "If-Match is optional; when sent it must be current.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id,
                           @Parameter(description = "ETag of your last read of the endpoint (optional).") @HeaderParam("If-Match") String ifMatch) {
        webhooks.delete(Ids.parse("id", id), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Idempotent
    @Path("/{id}/secret/rotate")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook endpoint's secret",
            description = "Issues a new signing secret, shown in this response only. For 24 hours the secret it replaces still "
                    + "signs: every delivery carries two space-separated v1 signatures in webhook-signature, one per secret, so "
                    + "receivers can switch without missing a delivery. A second rotation within those hours drops the older "
                    + "secret at once.")
    @APIResponse(responseCode = "200", description = "The new secret.",
            headers = @Header(name = "ETag", description = "The endpoint's new version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSecretRotated.class),
                    examples = @ExampleObject(name = "rotated", value = Examples.SECRET_ROTATED)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a rotation already (its secret was shown "
            + "then), or a request with it is still running.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rotate(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id) {
        WebhookSecretRotated rotated = webhooks.rotate(Ids.parse("id", id));
        return Response.ok(rotated).header("ETag", Etags.of(rotated.version())).build();
    }

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Idempotent
    @Path("/{id}/test")
    @Operation(operationId = "sendWebhookTest", summary = "Send a test event",
            description = "Queues a webhook.test event to this endpoint only, signed and retried like any other; follow it "
                    + "at the Location of the delivery.")
    @APIResponse(responseCode = "202", description = "Queued; the delivery is sent within a second.",
            headers = @Header(name = "Location", description = "URL of the delivery.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "queued", value = Examples.DELIVERY_QUEUED)))
    @APIResponse(responseCode = "409", description = "The endpoint is disabled (enable it first), or a request with this "
            + "Idempotency-Key is still running.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "disabled", value = Examples.DISABLED_PROBLEM)))
    public Response test(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id) {
        return queued(webhooks.sendTest(Ids.parse("id", id)), id);
    }

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's deliveries",
            description = "Every delivery to the endpoint, newest first, each with its event (id, type, webhook-id), status and "
                    + "every attempt: when, the HTTP status or the error, and how long it took. Link headers give first, prev, "
                    + "next and last.")
    @APIResponse(responseCode = "200", description = "One page of deliveries.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class)))
    public Response deliveries(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id,
                               @Parameter(description = "Page number, starting at 0.") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                               @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        DeliveryPage result = webhooks.deliveries(Ids.parse("id", id), page, size);
        return Response.ok(result).header("Link", PageLinks.header(uri, page, size, result.total())).build();
    }

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "Read a delivery",
            description = "One delivery with every attempt.")
    @APIResponse(responseCode = "200", description = "The delivery.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "delivered on the third attempt", value = Examples.DELIVERY_VIEW)))
    public Response delivery(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id,
                             @Parameter(description = "Delivery id (UUID).") @PathParam("deliveryId") String deliveryId) {
        return Response.ok(webhooks.delivery(Ids.parse("id", id), Ids.parse("deliveryId", deliveryId))).build();
    }

    @POST
    @RolesAllowed(Role.ADMIN_ROLE)
    @Idempotent
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again",
            description = "Queues the delivery's event to the endpoint once more, whatever became of the delivery: a new "
                    + "delivery with the same webhook-id (receivers that already processed it recognise it) and a fresh retry "
                    + "schedule.")
    @APIResponse(responseCode = "202", description = "Queued; the response is the new delivery.",
            headers = @Header(name = "Location", description = "URL of the new delivery.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The endpoint is disabled (enable it first), or a request with this "
            + "Idempotency-Key is still running.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "disabled", value = Examples.DISABLED_PROBLEM)))
    public Response redeliver(@Parameter(description = "Webhook endpoint id (UUID).") @PathParam("id") String id,
                              @Parameter(description = "Delivery id (UUID).") @PathParam("deliveryId") String deliveryId) {
        return queued(webhooks.redeliver(Ids.parse("id", id), Ids.parse("deliveryId", deliveryId)), id);
    }

    private Response queued(DeliveryView delivery, String id) {
        URI location = uri.getBaseUriBuilder().path("api/v1/webhooks").path(id).path("deliveries")
                .path(delivery.id().toString()).build();
        return Response.accepted(delivery).location(location).build();
    }
}
