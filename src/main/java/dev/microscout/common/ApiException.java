package dev.microscout.common;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. Subclasses name the kind; {@link ProblemMapper} turns each into
 * a problem+json response, so resources and services only throw.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    protected ApiException(int status, String type, String title, String detail,
                           List<FieldError> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
