package org.zizhu.central.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zizhu.central.contract.OpenApiContract;

/**
 * The seeded service catalogue: groups and items read from data files (classpath
 * {@code catalog/} or a directory with the same layout), each item validated against the
 * contract's {@code ItemDetail} schema at load so bad seed data fails at start, naming the file;
 * an item that takes an application must carry a sound electronic form ({@link FormSpecs}).
 */
public final class CatalogRepository {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final String publicBaseUrl;
    private final OpenApiContract contract;
    private final ArrayNode groups;
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private volatile String version;
    private volatile Instant generatedAt;

    private CatalogRepository(String publicBaseUrl, OpenApiContract contract, ArrayNode groups) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.contract = contract;
        this.groups = groups;
    }

    /** Loads from the classpath ({@code dir == null}) or from a directory. */
    public static CatalogRepository load(Path dir, String publicBaseUrl, OpenApiContract contract) throws IOException {
        ArrayNode groups = (ArrayNode) readJson(dir, "groups.json");
        CatalogRepository repo = new CatalogRepository(publicBaseUrl, contract, groups);
        String index = new String(read(dir, "index.txt"), StandardCharsets.UTF_8);
        for (String line : index.split("\\R")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            JsonNode raw = readJson(dir, "items/" + file);
            if (!(raw instanceof ObjectNode item)) {
                throw new IOException("catalog item " + file + " is not a JSON object");
            }
            repo.put(item, file);
        }
        repo.recomputeVersion();
        return repo;
    }

    private void put(ObjectNode raw, String source) throws IOException {
        ObjectNode item = raw.deepCopy();
        item.remove("revision");
        item.remove("guideUrl");
        String code = item.path("code").asText("");
        item.put("revision", revisionOf(item));
        item.put("guideUrl", publicBaseUrl + "/guide/" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>(contract.validateComponent("ItemDetail", item));
        if (problems.isEmpty()) {
            problems.addAll(FormSpecs.problems(item));
            // 告知承诺制 is a way of deciding an application: an item that takes none cannot carry it.
            if (item.has("notificationCommitment") && !FormSpecs.takesApplication(item)) {
                problems.add("notificationCommitment on an item that takes no application");
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("catalog item " + source + " does not match the contract: " + problems);
        }
        items.put(code, item);
    }

    /** Adds or replaces an item (tests and demos use this to publish a catalogue change). */
    public synchronized void publish(ObjectNode item) throws IOException {
        put(item, "published item " + item.path("code").asText());
        recomputeVersion();
    }

    public String version() {
        return version;
    }

    public int size() {
        return items.size();
    }

    public Optional<ObjectNode> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    /** The index document served at {@code GET /catalog}. */
    public synchronized ObjectNode index() {
        ObjectNode idx = JSON.createObjectNode();
        idx.put("version", version);
        idx.put("generatedAt", generatedAt.toString());
        idx.set("groups", groups.deepCopy());
        ArrayNode list = idx.putArray("items");
        List<ObjectNode> sorted = new ArrayList<>(items.values());
        sorted.sort(Comparator.comparingInt((ObjectNode n) -> n.path("rank").asInt()).thenComparing(n -> n.path("code").asText()));
        for (ObjectNode item : sorted) {
            ObjectNode s = list.addObject();
            for (String f : List.of("code", "name", "audience", "group", "highFrequency", "rank", "handling", "keywords", "revision")) {
                if (item.has(f)) {
                    s.set(f, item.get(f).deepCopy());
                }
            }
        }
        return idx;
    }

    private void recomputeVersion() {
        StringBuilder all = new StringBuilder();
        items.keySet().stream().sorted().forEach(code -> all.append(code).append('=').append(items.get(code).path("revision").asText()).append('\n'));
        all.append(groups.toString());
        version = "c-" + sha256Hex(all.toString()).substring(0, 16);
        generatedAt = Instant.now();
    }

    private static String revisionOf(ObjectNode item) throws IOException {
        // Canonical form: keys sorted, so reformatting a data file does not change the revision.
        Object tree = JSON.treeToValue(item, Object.class);
        return sha256Hex(JSON.writeValueAsString(tree)).substring(0, 32);
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readJson(Path dir, String name) throws IOException {
        try {
            return JSON.readTree(read(dir, name));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("catalog file " + name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] read(Path dir, String name) throws IOException {
        if (dir != null) {
            return Files.readAllBytes(dir.resolve(name));
        }
        try (InputStream in = CatalogRepository.class.getClassLoader().getResourceAsStream("catalog/" + name)) {
            if (in == null) {
                throw new IOException("catalog file missing from classpath: catalog/" + name);
            }
            return in.readAllBytes();
        }
    }
}
