package org.zizhu.central.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiResponse;
import org.zizhu.update.ReleaseSigning;

/**
 * Signed releases at the centre: which version each terminal should run (set per terminal or
 * per group; a terminal's own target wins), the releases published in a directory (each
 * {@code <v>.tar.gz} with {@code <v>.manifest.json} and {@code <v>.sig}, as
 * {@code zizhu update sign} writes them), the tarballs served with byte ranges so an interrupted
 * download resumes, and the outcomes terminals report.
 *
 * <p>The centre relays what the vendor signed and checks nothing about it: the files are read at
 * each request, so a test can tamper with a published file and see the terminal refuse it.
 * The download log and the cut-off switch are test controls, outside the contract.
 */
public final class ReleaseApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,15})-(\\d{1,15})?");

    /** One tarball request as the centre saw it: the Range header (null if none), status and body bytes sent. */
    public record Download(String version, String range, int status, long bytesSent) {
    }

    /** One report as received. */
    public record Report(String terminalId, String version, String outcome, String reason) {
    }

    private volatile Path dir;
    private final Map<String, String> terminalTargets = new ConcurrentHashMap<>();
    private final Map<String, String> groupTargets = new ConcurrentHashMap<>();
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private final List<Download> downloads = new CopyOnWriteArrayList<>();
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final AtomicLong cutAfter = new AtomicLong(-1);

    public ReleaseApi(Path releasesDir) {
        this.dir = releasesDir;
    }

    /** Serves the releases published in this directory (null: none). */
    public ReleaseApi publishFrom(Path releasesDir) {
        this.dir = releasesDir;
        return this;
    }

    public Path directory() {
        return dir;
    }

    /** Sets (or with null clears) the version this terminal should run. */
    public ReleaseApi target(String terminalId, String version) {
        set(terminalTargets, terminalId, version);
        return this;
    }

    /** Sets (or clears) the version for every terminal of a group without its own target. */
    public ReleaseApi groupTarget(String group, String version) {
        set(groupTargets, group, version);
        return this;
    }

    /** Puts a terminal into a group (null: none). */
    public ReleaseApi group(String terminalId, String group) {
        set(groups, terminalId, group);
        return this;
    }

    private static void set(Map<String, String> m, String key, String value) {
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
    }

    /** The target version for a terminal, if any. */
    public Optional<String> targetOf(String terminalId) {
        String v = terminalTargets.get(terminalId);
        if (v == null && groups.containsKey(terminalId)) {
            v = groupTargets.get(groups.get(terminalId));
        }
        return Optional.ofNullable(v);
    }

    /** The next tarball answer is cut (the connection closed) after this many body bytes; once. */
    public void cutNextDownloadAfter(long bytes) {
        cutAfter.set(bytes);
    }

    public List<Download> downloads() {
        return List.copyOf(downloads);
    }

    public List<Report> reports() {
        return List.copyOf(reports);
    }

    public void register(BiConsumer<String, ApiHandler> handle) {
        handle.accept("getTargetRelease", req -> {
            String id = req.pathParams().get("terminalId");
            if (!id.equals(req.terminalId())) {
                return ApiResponse.error(403, "FORBIDDEN", "终端编号不一致", "Terminal id mismatch", false);
            }
            ObjectNode r = JSON.createObjectNode();
            Optional<String> v = targetOf(id);
            Optional<ObjectNode> release = v.flatMap(this::describe);
            if (v.isPresent() && release.isEmpty()) {
                return ApiResponse.error(404, "NOT_FOUND", "目标版本未发布", "The target release is not published", true);
            }
            if (release.isPresent()) {
                r.set("target", release.get());
            } else {
                r.putNull("target");
            }
            return ApiResponse.ok(r);
        });
        handle.accept("postUpdateReport", req -> {
            String id = req.pathParams().get("terminalId");
            if (!id.equals(req.terminalId())) {
                return ApiResponse.error(403, "FORBIDDEN", "终端编号不一致", "Terminal id mismatch", false);
            }
            JsonNode b = req.body();
            reports.add(new Report(id, b.path("version").asText(), b.path("outcome").asText(), b.path("reason").asText(null)));
            ObjectNode ack = JSON.createObjectNode();
            ack.put("receivedAt", Instant.now().toString());
            return ApiResponse.ok(ack);
        });
    }

    /** The release JSON for a published version, read from its files now. */
    private Optional<ObjectNode> describe(String version) {
        Path d = dir;
        if (d == null) {
            return Optional.empty();
        }
        ReleaseSigning.Published f = ReleaseSigning.filesOf(d, version);
        try {
            byte[] manifest = Files.readAllBytes(f.manifest());
            String sig = Files.readString(f.signature(), StandardCharsets.US_ASCII).strip();
            JsonNode m = JSON.readTree(manifest);
            ObjectNode r = JSON.createObjectNode();
            r.put("version", version);
            r.put("url", "/releases/" + version + "/" + version + ".tar.gz");
            r.put("size", m.path("size").asLong());
            r.put("sha256", m.path("sha256").asText());
            r.put("manifest", Base64.getEncoder().encodeToString(manifest));
            r.put("signature", sig);
            return Optional.of(r);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Serves {@code GET /releases/{version}/{file}} after the simulator has checked the request
     * against the contract and the client certificate: 200, 206 with Content-Range, or 416.
     */
    public void serveFile(HttpExchange ex, Map<String, String> params) throws IOException {
        String version = params.get("version");
        String file = params.get("file");
        Path d = dir;
        Path tarball = d == null ? null : ReleaseSigning.filesOf(d, version).tarball();
        if (tarball == null || !file.equals(version + ".tar.gz") || !Files.isRegularFile(tarball)) {
            sendError(ex, 404, "NOT_FOUND", "版本不存在", "No such release file");
            downloads.add(new Download(version, ex.getRequestHeaders().getFirst("Range"), 404, 0));
            return;
        }
        long size = Files.size(tarball);
        String range = ex.getRequestHeaders().getFirst("Range");
        long first = 0;
        long last = size - 1;
        int status = 200;
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches()) {
                first = Long.parseLong(m.group(1));
                if (m.group(2) != null) {
                    last = Math.min(last, Long.parseLong(m.group(2)));
                }
                if (first >= size || last < first) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    ex.sendResponseHeaders(416, -1);
                    downloads.add(new Download(version, range, 416, 0));
                    return;
                }
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + size);
            }
        }
        long length = last - first + 1;
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.sendResponseHeaders(status, length);
        long cut = cutAfter.getAndSet(-1);
        long sent = 0;
        try (InputStream in = Files.newInputStream(tarball); OutputStream out = ex.getResponseBody()) {
            in.skipNBytes(first);
            byte[] buf = new byte[16 * 1024];
            while (sent < length) {
                int want = (int) Math.min(buf.length, length - sent);
                if (cut >= 0) {
                    want = (int) Math.min(want, cut - sent);
                    if (want <= 0) {
                        out.flush();
                        // Closing the exchange short of Content-Length drops the connection: the cut the terminal must survive.
                        throw new IOException("download cut after " + sent + " bytes (test fault)");
                    }
                }
                int n = in.read(buf, 0, want);
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                sent += n;
            }
        } finally {
            downloads.add(new Download(version, range, status, sent));
        }
    }

    private static void sendError(HttpExchange ex, int status, String code, String zh, String en) throws IOException {
        byte[] body = JSON.writeValueAsBytes(ApiResponse.error(status, code, zh, en, false).body());
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** The admin API's view (sim/releases). */
    public ObjectNode status() {
        ObjectNode o = JSON.createObjectNode();
        o.put("directory", String.valueOf(dir));
        ObjectNode t = o.putObject("terminalTargets");
        terminalTargets.forEach(t::put);
        ObjectNode g = o.putObject("groupTargets");
        groupTargets.forEach(g::put);
        ObjectNode gm = o.putObject("groups");
        groups.forEach(gm::put);
        var rs = o.putArray("reports");
        for (Report r : new ArrayList<>(reports)) {
            ObjectNode x = rs.addObject();
            x.put("terminalId", r.terminalId());
            x.put("version", r.version());
            x.put("outcome", r.outcome());
            if (r.reason() != null) {
                x.put("reason", r.reason());
            }
        }
        return o;
    }
}
