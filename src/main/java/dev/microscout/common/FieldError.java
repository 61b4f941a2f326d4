package dev.microscout.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: its JSON path (or parameter name) and what is wrong with it. */
@Schema(name = "FieldError", description = "One invalid field and the reason it was refused.")
public record FieldError(
        @Schema(description = "JSON path of the field in the body, or the name of the query/path/header parameter.", examples = "channels[0].handle")
        String field,
        @Schema(description = "Why the value was refused.", examples = "must not be blank")
        String message) {
}
