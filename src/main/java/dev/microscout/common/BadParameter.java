package dev.microscout.common;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter that cannot be converted to its type. It is a WebApplicationException
 * so that JAX-RS does not turn it into a bare 404, as it does with other conversion failures.
 */
public class BadParameter extends BadRequestException {
    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
