package dev.microscout.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, the body of every 4xx and 5xx response (media type application/problem+json).")
public record Problem(
        @Schema(description = "URI identifying the kind of problem.", examples = "https://microscout.dev/problems/validation")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence.", examples = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path that produced the problem.", examples = "/api/v1/influencers")
        String instance,
        @Schema(description = "For validation problems: every invalid field with its reason.")
        List<FieldError> errors,
        @Schema(hidden = true)
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    Map<String, Object> jsonExtensions() {
        return extensions == null ? Map.of() : extensions;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }
}
