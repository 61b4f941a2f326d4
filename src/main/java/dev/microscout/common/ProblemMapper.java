package dev.microscout.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP responses. Every error leaves as application/problem+json;
 * a 5xx never carries internals (they go to the log with an id the client sees).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri),
                e.errors(), e.extensions()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return api(new InvalidInput(errors), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(malformed(e, uri));
    }

    /** Registered for the subtype too, or the framework's own mapper for it would answer in plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return respond(malformed(e, uri));
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameter e, UriInfo uri) {
        return api(new InvalidInput(e.parameter(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableJson e, UriInfo uri) {
        return respond(malformed(e.getCause(), uri));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentWrite(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentWrite(uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, io.vertx.core.http.HttpServerRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return respond(malformed(jpe, uri));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if ((status == 404 || status == 405) && request != null) {
            Optional<Response> notAllowed = io.quarkus.arc.Arc.container().instance(MethodRouting.class).get()
                    .methodNotAllowed(request.method().name(), uri.getPath());
            if (notAllowed.isPresent()) {
                return notAllowed.get();
            }
        }
        if (status >= 500) {
            Response known = databaseFailure(e, uri);
            return known != null ? known : internal(e, uri);
        }
        Problem problem = switch (status) {
            case 404 -> new Problem(ProblemTypes.NOT_FOUND, "Not found", 404,
                    "No resource at " + path(uri), path(uri), null, null);
            case 405 -> new Problem(ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed", 405,
                    "This resource does not support the request method", path(uri), null, null);
            case 406 -> new Problem(ProblemTypes.NOT_ACCEPTABLE, "Not acceptable", 406,
                    "This resource cannot answer in the media type of the Accept header", path(uri), null, null);
            case 413 -> new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", 413,
                    "The request body is larger than the service accepts (1 MiB)", path(uri), null, null);
            case 415 -> new Problem(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415,
                    "This resource does not accept the Content-Type of the request", path(uri), null, null);
            default -> new Problem(ProblemTypes.MALFORMED, "Bad request", status,
                    e.getMessage() == null ? "The request could not be processed" : e.getMessage(),
                    path(uri), null, null);
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooManyRequests limited) {
                return tooManyRequests(limited, uri);
            }
        }
        return unauthorized(uri);
    }

    private Response tooManyRequests(TooManyRequests limited, UriInfo uri) {
        String detail = limited.keyLimit()
                ? "This key sent more than " + limited.limit() + " requests in a burst; retry after " + limited.retryAfterSeconds() + " s"
                : "Too many failed authentications from this address; retry after " + limited.retryAfterSeconds() + " s";
        Response.ResponseBuilder response = Response.status(429).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", 429, detail, path(uri), null, null))
                .header("Retry-After", limited.retryAfterSeconds());
        if (limited.keyLimit()) {
            response.header("RateLimit-Limit", limited.limit()).header("RateLimit-Remaining", 0)
                    .header("RateLimit-Reset", limited.resetSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                "This API key's role does not allow this operation (VIEWER reads, EDITOR writes, ADMIN administers)",
                path(uri), null, null));
    }

    private Response unauthorized(UriInfo uri) {
        Problem problem = new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                "Send a valid, unrevoked API key in X-API-Key or Authorization: Bearer", path(uri), null, null);
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                .header("WWW-Authenticate", "Bearer realm=\"microscout\"").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Response known = databaseFailure(e, uri);
        return known != null ? known : internal(e, uri);
    }

    /**
     * Failures the database reports for a reason the client can act on, wherever they surface (a flush, a
     * commit, a statement): a conflict with a concurrent writer, a timeout, a value it cannot hold.
     */
    private Response databaseFailure(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return concurrentWrite(uri);
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.equals("57014") || state.isEmpty() && String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    Response response = respond(new Problem(ProblemTypes.SERVICE_UNAVAILABLE, "Service busy", 503,
                            "The request ran past the time the service gives one request; retry later, or narrow it",
                            path(uri), null, null));
                    response.getHeaders().putSingle("Retry-After", 2);
                    return response;
                }
                if (state.equals("23505") || state.equals("23P01")) {
                    return respond(new Problem(ProblemTypes.CONFLICT, "Conflict", 409,
                            "Another request created the same record at the same time; read it and retry if needed",
                            path(uri), null, null));
                }
                if (state.equals("23503") || state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
                    Response response = respond(new Problem(ProblemTypes.CONFLICT, "Conflict", 409,
                            "A concurrent request changed the same records; retry", path(uri), null, null));
                    response.getHeaders().putSingle("Retry-After", 1);
                    return response;
                }
                if (state.startsWith("22") || state.equals("23514") || state.equals("23502")) {
                    return respond(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                            "A value is outside what the service can store", path(uri), null, null));
                }
            }
        }
        return null;
    }

    private Response internal(Throwable e, UriInfo uri) {
        String incident = Long.toHexString(Double.doubleToLongBits(Math.random()));
        LOG.errorf(e, "Unexpected failure %s on %s", incident, path(uri));
        return respond(new Problem(ProblemTypes.INTERNAL, "Internal error", 500,
                "The service failed unexpectedly; quote incident " + incident + " when reporting it",
                path(uri), null, Map.of("incident", incident)));
    }

    private Response concurrentWrite(UriInfo uri) {
        return respond(new Problem(ProblemTypes.PRECONDITION_FAILED, "Precondition failed", 412,
                "The resource was changed by another request while this one ran; read it again and retry",
                path(uri), null, null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem malformed(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException jme ? jsonPath(jme.getPath()) : "";
        String message;
        if (e instanceof JsonInputRules.Refused refused) {
            message = refused.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException upe) {
            field = jsonPath(upe.getPath());
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(ife.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + " (got " + quoted(ife.getValue()) + ")";
        } else if (e instanceof InvalidFormatException ife) {
            message = "has the wrong format or type (got " + quoted(ife.getValue()) + ", expected "
                    + simpleType(ife.getTargetType()) + ")";
        } else if (e instanceof MismatchedInputException mie) {
            message = "has the wrong type (expected " + simpleType(mie.getTargetType()) + ")";
        } else if (e instanceof JsonMappingException && e.getCause() instanceof InputCoercionException coercion) {
            message = "is out of range for " + simpleType(coercion.getTargetType());
        } else if (e instanceof InputCoercionException coercion) {
            message = "is out of range for " + simpleType(coercion.getTargetType());
        } else {
            message = "is not valid JSON: " + e.getOriginalMessage();
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return new Problem(ProblemTypes.MALFORMED, "Malformed request", 400, field + " " + message, path(uri),
                List.of(new FieldError(field, message)), null);
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + Abbreviated.of(s) + "\"" : Abbreviated.of(String.valueOf(value));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == Integer.class || type == Long.class || type == Short.class
                || type == int.class || type == long.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        return "an object";
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Turns a Bean Validation path into the client's view: body paths without method/parameter names, and a query,
     * path or header parameter by the name the client sends (country), not the Java parameter's (countries).
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> prefix = new ArrayList<>();
        String parameter = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                prefix.add(node.getName());
                method = node.getKind() == ElementKind.METHOD ? node.as(Path.MethodNode.class) : null;
            } else if (node.getKind() == ElementKind.PARAMETER) {
                prefix.add(node.getName());
                parameter = httpName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class));
            }
        }
        String full = violation.getPropertyPath().toString();
        String joined = String.join(".", prefix);
        String rest = (full.startsWith(joined) ? full.substring(joined.length()) : full)
                .replaceAll("\\.?<[^>]+>", "")
                .replaceFirst("^\\.", "");
        if (parameter != null && (rest.isEmpty() || rest.startsWith("["))) {
            return parameter + rest; // country[0] for the first of repeated ?country=
        }
        if (!rest.isEmpty()) {
            return rest;
        }
        return parameter != null ? parameter : "body";
    }

    /** The @QueryParam, @PathParam or @HeaderParam name of a resource method's parameter, else its Java name. */
    private static String httpName(Class<?> type, Path.MethodNode method, Path.ParameterNode parameter) {
        // The root bean may be a generated subclass whose overriding method carries no parameter annotations.
        for (Class<?> c = type; c != null && c != Object.class && method != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Method m = c.getDeclaredMethod(method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
                for (java.lang.annotation.Annotation a : m.getParameterAnnotations()[parameter.getParameterIndex()]) {
                    if (a instanceof jakarta.ws.rs.QueryParam q) {
                        return q.value();
                    }
                    if (a instanceof jakarta.ws.rs.PathParam q) {
                        return q.value();
                    }
                    if (a instanceof jakarta.ws.rs.HeaderParam q) {
                        return q.value();
                    }
                }
            } catch (NoSuchMethodException | RuntimeException e) {
                // a method validation of something other than a resource: the Java name is all there is
            }
        }
        return parameter.getName();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
