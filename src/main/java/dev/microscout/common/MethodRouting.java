package dev.microscout.common;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path has, read from the resource classes at start-up, and the two answers that depend on them:
 * OPTIONS answers 204 with an Allow header naming exactly those methods, and a method the path does not have
 * answers 405 (problem+json) with the same Allow. Without this the framework's answers are a 404 for some such
 * methods, and an Allow listing every method. HEAD comes with GET, and OPTIONS with every path, as HTTP has it.
 * A path that no resource serves is left to the framework: a 404 problem.
 */
@ApplicationScoped
public class MethodRouting {

    /** A path template of the resources, e.g. /api/v1/influencers/{id}/channels, and its methods. */
    record Route(String template, Pattern pattern, int literalChars, List<String> methods) {
        String allow() {
            return String.join(", ", methods);
        }
    }

    private volatile List<Route> routes = List.of();

    void read(@Observes StartupEvent startup) {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(root.value(), sub == null ? "" : sub.value());
                Set<String> verbs = methods.computeIfAbsent(template, t -> new TreeSet<>());
                verbs.add(verb);
                if (verb.equals("GET")) {
                    verbs.add("HEAD");
                }
                verbs.add("OPTIONS");
            }
        }
        List<Route> read = new ArrayList<>();
        methods.forEach((template, verbs) -> read.add(new Route(template, pattern(template),
                template.replaceAll("\\{[^}]*}", "").length(), List.copyOf(verbs))));
        // A literal segment wins over a template one (/tiers/classify over /tiers/{id}), as in JAX-RS matching.
        read.sort(Comparator.comparingInt(Route::literalChars).reversed());
        routes = List.copyOf(read);
    }

    /** OPTIONS on a path of the resources: 204 with its Allow. Any other method passes at the cost of one comparison. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> options(ContainerRequestContext request) {
        if (!request.getMethod().equals("OPTIONS")) {
            return Optional.empty();
        }
        Route route = match(request.getUriInfo().getPath());
        return route == null ? Optional.empty() : Optional.of(Response.noContent().header("Allow", route.allow()).build());
    }

    /**
     * What the framework's "no such resource method" (404 or 405) really is, asked only when it happens: a 405
     * with the path's Allow when the path exists under other methods, else empty (a 404 stays a 404).
     */
    public Optional<Response> methodNotAllowed(String method, String rawPath) {
        Route route = match(rawPath);
        if (route == null || route.methods().contains(method)) {
            return Optional.empty();
        }
        String path = normalised(rawPath);
        Problem problem = new Problem(ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed", 405,
                Abbreviated.of(method) + " is not a method of " + route.template() + "; Allow names the methods it has",
                path, null, null);
        return Optional.of(Response.status(405).type(Problem.MEDIA_TYPE).header("Allow", route.allow()).entity(problem).build());
    }

    private static String normalised(String rawPath) {
        String path = "/" + rawPath.replaceFirst("^/+", "");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    Route match(String rawPath) {
        String path = normalised(rawPath);
        for (Route route : routes) {
            if (route.pattern().matcher(path).matches()) {
                return route;
            }
        }
        return null;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Each {name} (or {name: regex}, read as one segment) matches one non-empty segment; the rest is literal. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        java.util.regex.Matcher variable = Pattern.compile("\\{[^}]*}").matcher(template);
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(at, variable.start()))).append("[^/]+");
            at = variable.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
