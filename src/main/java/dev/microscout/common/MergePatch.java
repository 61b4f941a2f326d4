package dev.microscout.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RFC 7396 JSON Merge Patch: null removes a member, objects merge, anything else replaces. */
public final class MergePatch {
    private MergePatch() {
    }

    /**
     * Patches the request record {@code current} (the resource as a client would send it) and validates the
     * result like a full body, so a PATCH can never store what a PUT or POST would refuse.
     */
    public static <T> T applyTo(T current, JsonNode patch, Class<T> type, ObjectMapper json, Validator validator) {
        if (patch == null || !patch.isObject()) {
            throw new Malformed("A merge patch must be a JSON object", List.of(new FieldError("body", "must be a JSON object")));
        }
        JsonNode merged = apply(json.valueToTree(current), patch);
        T result;
        try {
            result = json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableJson(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
