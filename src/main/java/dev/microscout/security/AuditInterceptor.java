package dev.microscout.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;

import java.lang.reflect.Method;
import java.net.URI;

/**
 * Runs a successful write and its audit event in one transaction: the service's own transaction joins this one,
 * and the event row is inserted just before it commits. A failure to record the event fails the write; a write
 * that fails leaves no event. Inside {@link IdempotencyInterceptor}, so a replay (which does no work) records none.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class AuditInterceptor {

    @Inject
    Caller caller;
    @Inject
    AuditTrail trail;
    @Inject
    HttpServerRequest http;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        String verb = writeVerb(method);
        if (verb == null || method.isAnnotationPresent(ReadOnly.class) || method.isAnnotationPresent(AuditsItself.class)
                || !caller.isAuthenticated()) {
            return invocation.proceed();
        }
        String path = http.path();
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Object result = invocation.proceed();
                int status = result instanceof Response response ? response.getStatus() : result == null ? 204 : 200;
                if (status >= 200 && status < 300) {
                    URI location = result instanceof Response response ? response.getLocation() : null;
                    trail.record(caller, verb, path, status, location);
                }
                return result;
            });
        } catch (QuarkusTransactionException e) {
            // The work's own exceptions pass through unwrapped; a checked one arrives wrapped.
            if (e.getCause() instanceof Exception cause && !(e.getCause() instanceof RuntimeException)) {
                throw cause;
            }
            throw e;
        }
    }

    private static String writeVerb(Method method) {
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }
}
