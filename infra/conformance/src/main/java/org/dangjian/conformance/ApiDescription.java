package org.dangjian.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dangjian.runtime.security.AccessRules;
import tools.jackson.databind.JsonNode;

/**
 * A service's endpoints as its OpenAPI document ({@code /v3/api-docs}) declares them: what the hostile-input checks
 * and the access matrix are generated from, so that a new endpoint is covered the day it is added.
 */
public record ApiDescription(List<Endpoint> endpoints) {

    /** A query parameter: its name and JSON-schema type ({@code integer}, {@code boolean}, {@code string}). */
    public record Parameter(String name, String type) {
    }

    /**
     * One operation.
     *
     * @param access the roles of {@code x-dangjian-access} ({@code SIGNED_IN}: any signed-in role), or null when
     *               the endpoint declares no rule
     * @param body   the request body's schema, {@code $ref}s resolved, or null when it takes none
     * @param numericPathParameters the path parameters whose schema is an integer (a transfer's number)
     */
    public record Endpoint(String method, String path, List<String> pathParameters, List<Parameter> query, JsonNode body,
                           List<String> access, List<String> numericPathParameters) {

        /** Whether the endpoint's rule lets a role call it. */
        public boolean allows(String role) {
            return access != null && (access.contains(AccessRules.SIGNED_IN) || access.contains(role));
        }

        public String name() {
            return method + " " + path;
        }

        /**
         * A valid path for a record {@code id}: every id parameter replaced by it, a numeric parameter by 1 (so a
         * request reaches the rule that guards it, not the parameter's type check).
         */
        public String validPath(String id) {
            String result = path;
            for (String parameter : pathParameters) {
                result = result.replace("{" + parameter + "}", numericPathParameters.contains(parameter) ? "1" : id);
            }
            return result;
        }

        /** The path with every parameter replaced by {@code value} (sent as is: encode it first when needed). */
        public String path(String value) {
            String result = path;
            for (String parameter : pathParameters) {
                result = result.replace("{" + parameter + "}", value);
            }
            return result;
        }
    }

    public static ApiDescription of(JsonNode openApi) {
        List<Endpoint> endpoints = new ArrayList<>();
        openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            JsonNode op = operation.getValue();
            List<String> pathParameters = new ArrayList<>();
            List<String> numeric = new ArrayList<>();
            List<Parameter> query = new ArrayList<>();
            for (JsonNode parameter : op.path("parameters")) {
                String in = parameter.path("in").asString();
                if (in.equals("path")) {
                    pathParameters.add(parameter.path("name").asString());
                    if (List.of("integer", "number").contains(parameter.path("schema").path("type").asString(""))) {
                        numeric.add(parameter.path("name").asString());
                    }
                } else if (in.equals("query")) {
                    query.add(new Parameter(parameter.path("name").asString(), parameter.path("schema").path("type").asString("string")));
                }
            }
            JsonNode body = null;
            JsonNode content = op.path("requestBody").path("content");
            if (!content.isMissingNode()) {
                JsonNode schema = content.path("application/json").path("schema");
                body = resolve(openApi, schema);
            }
            List<String> access = null;
            if (op.has(AccessRules.EXTENSION)) {
                access = new ArrayList<>();
                for (JsonNode role : op.get(AccessRules.EXTENSION)) {
                    access.add(role.asString());
                }
            }
            endpoints.add(new Endpoint(method, path.getKey(), List.copyOf(pathParameters), List.copyOf(query), body, access, List.copyOf(numeric)));
        }));
        return new ApiDescription(List.copyOf(endpoints));
    }

    /** The schema with {@code $ref} to components resolved (one level per property, enough for request bodies). */
    static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return openApi.path("components").path("schemas").path(name);
        }
        return schema;
    }
}
