package org.zizhu.central.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 contract between terminal and centre, loaded from the classpath, and checks
 * of real requests and responses against it. Schemas are validated with the networknt JSON
 * Schema validator (draft 2020-12, OpenAPI 3.1's dialect); this class only finds which schema
 * applies to a method, path and status.
 */
public final class OpenApiContract {
    public static final String RESOURCE = "openapi/zizhu-central.yaml";
    private static final String BASE_PATH = "/api/v1";

    private final JsonNode spec;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> schemaCache = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, List<String> names) {
    }

    /** An operation matched from a concrete method and path. */
    public record Operation(String pathTemplate, String method, JsonNode node, Map<String, String> pathParams) {
    }

    private OpenApiContract(JsonNode spec) {
        this.spec = spec;
        // OpenAPI 3.1's schema dialect is JSON Schema 2020-12 plus the OAS vocabulary.
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Iterator<String> it = spec.path("paths").fieldNames();
        while (it.hasNext()) {
            String template = it.next();
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder regex = new StringBuilder("^");
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last))).append('$');
            routes.add(new Route(template, Pattern.compile(regex.toString()), names));
        }
    }

    public static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("contract not on classpath: " + RESOURCE);
            }
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode spec() {
        return spec;
    }

    /** Finds the operation for a request path with or without the {@code /api/v1} prefix. */
    public Optional<Operation> find(String method, String rawPath) {
        String path = rawPath;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.startsWith(BASE_PATH)) {
            path = path.substring(BASE_PATH.length());
        }
        String m = method.toLowerCase(Locale.ROOT);
        for (Route r : routes) {
            Matcher matcher = r.pattern.matcher(path);
            if (matcher.matches()) {
                JsonNode op = spec.path("paths").path(r.template).path(m);
                if (op.isMissingNode()) {
                    return Optional.empty();
                }
                Map<String, String> params = new java.util.LinkedHashMap<>();
                for (int i = 0; i < r.names.size(); i++) {
                    params.put(r.names.get(i), java.net.URLDecoder.decode(matcher.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
                return Optional.of(new Operation(r.template, m, op, params));
            }
        }
        return Optional.empty();
    }

    /**
     * Validates a request: the operation exists, required headers and path parameters match
     * their schemas, and the JSON body matches the request schema. Returns the violations.
     */
    public List<String> validateRequest(String method, String path, Map<String, String> headers, JsonNode body) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            problems.add("no operation " + method + " " + path + " in the contract");
            return problems;
        }
        Operation op = found.get();
        for (JsonNode p : op.node.path("parameters")) {
            JsonNode param = resolve(p);
            String name = param.path("name").asText();
            String in = param.path("in").asText();
            String value = switch (in) {
                case "header" -> headerValue(headers, name);
                case "path" -> op.pathParams.get(name);
                default -> null;
            };
            if (value == null) {
                if (param.path("required").asBoolean(false)) {
                    problems.add("missing required " + in + " parameter " + name);
                }
                continue;
            }
            for (ValidationMessage vm : schema(param.path("schema")).validate(
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(value))) {
                problems.add(in + " parameter " + name + ": " + vm.getMessage());
            }
        }
        JsonNode rb = op.node.path("requestBody");
        if (!rb.isMissingNode()) {
            if (body == null || body.isMissingNode()) {
                if (rb.path("required").asBoolean(false)) {
                    problems.add("missing required request body");
                }
            } else {
                for (ValidationMessage vm : schema(rb.path("content").path("application/json").path("schema")).validate(body)) {
                    problems.add("request body: " + vm.getMessage());
                }
            }
        }
        return problems;
    }

    /** Validates a response status and JSON body (null for an empty body). */
    public List<String> validateResponse(String method, String path, int status, JsonNode body) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            problems.add("no operation " + method + " " + path + " in the contract");
            return problems;
        }
        JsonNode responses = found.get().node.path("responses");
        JsonNode response = responses.path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        if (response.isMissingNode()) {
            problems.add("status " + status + " not declared for " + method + " " + found.get().pathTemplate);
            return problems;
        }
        response = resolve(response);
        JsonNode schemaNode = response.path("content").path("application/json").path("schema");
        if (schemaNode.isMissingNode()) {
            if (body != null && !body.isMissingNode() && !body.isNull()) {
                problems.add("status " + status + " declares no body but one was sent");
            }
            return problems;
        }
        if (body == null) {
            problems.add("status " + status + " requires a JSON body");
            return problems;
        }
        for (ValidationMessage vm : schema(schemaNode).validate(body)) {
            problems.add("response body: " + vm.getMessage());
        }
        return problems;
    }

    /** Validates a value against a named component schema, e.g. {@code ItemDetail}. */
    public List<String> validateComponent(String schemaName, JsonNode value) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage vm : componentSchema(schemaName).validate(value)) {
            problems.add(schemaName + ": " + vm.getMessage());
        }
        return problems;
    }

    private JsonSchema componentSchema(String name) {
        return schemaCache.computeIfAbsent("#/components/schemas/" + name,
                ref -> factory.getSchema(SchemaLocation.of("classpath:" + RESOURCE + ref), config));
    }

    private JsonSchema schema(JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            return schemaCache.computeIfAbsent(ref,
                    r -> factory.getSchema(SchemaLocation.of("classpath:" + RESOURCE + r), config));
        }
        // Inline schemas in this contract never contain $ref (only parameter scalars).
        return schemaCache.computeIfAbsent("inline:" + node, k -> factory.getSchema(node, config));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int depth = 0; n.has("$ref") && depth < 8; depth++) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external $ref not supported: " + ref);
            }
            n = spec.at(ref.substring(1));
        }
        return n;
    }

    private static String headerValue(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
