package dev.microscout.common;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A property that takes one of several shapes (a brief's weights: an object, or the string "learned") is documented
 * by its oneOf alone: the generator also writes the Java type's $ref and type beside it, which would say that only
 * the object is accepted.
 */
final class OneOfProperties {

    private OneOfProperties() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                if (property.getOneOf() != null && !property.getOneOf().isEmpty()) {
                    property.setRef(null);
                    property.setType(null);
                }
            }
        }
    }
}
