package dev.microscout.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of a served OpenAPI document, read for a client that knows nothing else about the API: their
 * parameters and bodies with resolved schemas, a valid body for each (the documented example, filled in from the
 * schema), and every field of that body with its schema.
 */
final class OpenApiOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    record Operation(String method, String path, String role, List<Parameter> parameters, String contentType,
                     JsonNode bodySchema, JsonNode validBody, Set<String> declared) {
        String label() {
            return method.toUpperCase() + " " + path;
        }

        boolean hasHeader(String name) {
            return parameters.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }
    }

    /** One field of a body: its JSON path (channels[0].audience.ageShares), the path as steps, and its schema. */
    record Field(String path, List<Object> steps, JsonNode schema, JsonNode value) {
    }

    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode op = entry.getValue();
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode p : op.path("parameters")) {
                JsonNode example = p.has("example") ? p.get("example") : first(p.path("examples"));
                parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                        resolve(p.path("schema")), example));
            }
            String contentType = null;
            JsonNode schema = null;
            JsonNode body = null;
            JsonNode content = op.path("requestBody").path("content");
            if (content.isObject() && content.size() > 0) {
                contentType = content.has("application/json") ? "application/json" : content.fieldNames().next();
                JsonNode media = content.get(contentType);
                schema = resolve(media.path("schema"));
                JsonNode example = media.has("example") ? media.get("example") : first(media.path("examples"));
                if (example != null && example.has("value")) {
                    example = example.get("value");
                }
                body = fill(example == null ? null : example.deepCopy(), schema);
            }
            Set<String> declared = new java.util.TreeSet<>();
            op.path("responses").fieldNames().forEachRemaining(declared::add);
            operations.add(new Operation(entry.getKey(), path.getKey(), op.path("x-required-role").asText(null), parameters,
                    contentType, schema, body, declared));
        }));
        return operations;
    }

    /** Every field of the body, depth first; array elements through their first element, maps through their keys. */
    List<Field> fields(JsonNode schema, JsonNode body) {
        List<Field> fields = new ArrayList<>();
        walk(schema, body, "", new ArrayList<>(), fields, 0);
        return fields;
    }

    private void walk(JsonNode schema, JsonNode value, String path, List<Object> steps, List<Field> fields, int depth) {
        if (depth > 8) {
            return;
        }
        JsonNode s = resolve(schema);
        JsonNode properties = s.path("properties");
        if (properties.isObject() && properties.size() > 0) {
            properties.fields().forEachRemaining(property -> {
                List<Object> next = append(steps, property.getKey());
                String nextPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                JsonNode child = value == null ? null : value.get(property.getKey());
                fields.add(new Field(nextPath, next, resolve(property.getValue()), child));
                walk(property.getValue(), child, nextPath, next, fields, depth + 1);
            });
        } else if (value != null && value.isObject() && !s.has("additionalProperties")) {
            // A merge patch: the schema says "object", the example says which fields.
            value.fields().forEachRemaining(member -> {
                List<Object> next = append(steps, member.getKey());
                String nextPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                JsonNode inferred = infer(member.getValue());
                fields.add(new Field(nextPath, next, inferred, member.getValue()));
                walk(inferred, member.getValue(), nextPath, next, fields, depth + 1);
            });
        }
        if (s.path("additionalProperties").isObject() && value != null && value.isObject() && value.size() > 0) {
            String key = value.fieldNames().next();
            fields.add(new Field(path + "." + key, append(steps, key), resolve(s.get("additionalProperties")), value.get(key)));
        }
        if (value != null && value.isArray() && value.size() > 0) {
            JsonNode items = s.has("items") ? resolve(s.get("items")) : infer(value.get(0));
            List<Object> next = append(steps, 0);
            fields.add(new Field(path + "[0]", next, items, value.get(0)));
            walk(items, value.get(0), path + "[0]", next, fields, depth + 1);
        }
    }

    /** The documented example with what it leaves out filled in from the schema, so that every field is sent. */
    JsonNode fill(JsonNode example, JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode sample = sample(s, 0);
        if (example == null) {
            return sample;
        }
        if (example.isObject() && sample != null && sample.isObject()) {
            ObjectNode merged = (ObjectNode) example;
            JsonNode properties = s.path("properties");
            sample.fields().forEachRemaining(f -> {
                if (!merged.has(f.getKey())) {
                    merged.set(f.getKey(), f.getValue());
                } else {
                    merged.set(f.getKey(), fill(merged.get(f.getKey()), properties.path(f.getKey())));
                }
            });
            return merged;
        }
        if (example.isArray() && s.has("items")) {
            ArrayNode array = (ArrayNode) example;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), s.get("items")));
            }
        }
        return example;
    }

    /** A valid value from the schema alone: its example, its first enum value, or one built from its type. */
    JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (depth > 8) {
            return null;
        }
        JsonNode example = first(s.path("examples"));
        if (example == null && s.has("example")) {
            example = s.get("example");
        }
        if (example != null) {
            return example.deepCopy();
        }
        if (s.path("enum").isArray() && s.path("enum").size() > 0) {
            return s.path("enum").get(0);
        }
        switch (String.valueOf(type(s))) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                s.path("properties").fields().forEachRemaining(p -> {
                    JsonNode value = sample(p.getValue(), depth + 1);
                    if (value != null) {
                        object.set(p.getKey(), value);
                    }
                });
                return s.has("properties") ? object : null;
            }
            case "array": {
                JsonNode item = sample(s.path("items"), depth + 1);
                return item == null ? null : NODES.arrayNode().add(item);
            }
            case "integer":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1);
            case "number":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").decimalValue() : java.math.BigDecimal.ONE);
            case "boolean":
                return NODES.booleanNode(false);
            default:
                return null; // a string without an example: optional text is left out rather than guessed
        }
    }

    /** The schema with $ref followed; keywords beside the $ref (description, examples) win over the target's. */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return NODES.objectNode();
        }
        JsonNode current = schema;
        ObjectNode merged = NODES.objectNode();
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            ObjectNode siblings = current.deepCopy();
            siblings.remove("$ref");
            merged.setAll(siblings);
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        ObjectNode result = current.deepCopy();
        result.setAll(merged);
        if (!result.has("type") && current.has("type")) {
            result.set("type", current.get("type"));
        }
        return result;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : null;
    }

    private static JsonNode infer(JsonNode value) {
        ObjectNode schema = NODES.objectNode();
        if (value == null || value.isNull()) {
            return schema;
        }
        schema.put("type", value.isObject() ? "object" : value.isArray() ? "array" : value.isBoolean() ? "boolean"
                : value.isNumber() ? "number" : "string"); // 2500000 may well be a decimal: an example cannot tell
        if (value.isArray() && value.size() > 0) {
            schema.set("items", infer(value.get(0)));
        }
        return schema;
    }

    private static JsonNode first(JsonNode examples) {
        if (examples.isArray() && examples.size() > 0) {
            return examples.get(0);
        }
        if (examples.isObject() && examples.size() > 0) {
            Iterator<Map.Entry<String, JsonNode>> it = examples.fields();
            return it.next().getValue();
        }
        return null;
    }

    private static List<Object> append(List<Object> steps, Object step) {
        List<Object> next = new ArrayList<>(steps);
        next.add(step);
        return next;
    }
}
