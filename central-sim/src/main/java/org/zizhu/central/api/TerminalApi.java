package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiResponse;
import org.zizhu.central.security.CentreCa;
import org.zizhu.central.security.Pem;
import org.zizhu.central.seed.SeedData;
import org.zizhu.central.terminal.TerminalRegistry;

/** Terminal operations: enrolment (CSR in, client certificate out), remote configuration, logs. */
public final class TerminalApi {
    public static final Duration CERT_VALIDITY = Duration.ofDays(365);

    private final SeedData seed;
    private final CentreCa ca;
    private final TerminalRegistry terminals;
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> remoteConfigs = new ConcurrentHashMap<>();

    public TerminalApi(SeedData seed, CentreCa ca, TerminalRegistry terminals) {
        this.seed = seed;
        this.ca = ca;
        this.terminals = terminals;
    }

    public void register(BiConsumer<String, ApiHandler> handle) {
        handle.accept("enrolTerminal", req -> {
            terminals.enrolmentAttempted();
            JsonNode b = req.body();
            String code = b.path("code").asText();
            var ec = seed.enrolmentCode(code);
            if (ec.isEmpty()) {
                return Json.forbidden("激活码无效，请联系运维人员", "Unknown enrolment code; contact operations");
            }
            if (!ec.get().reusable() && !usedCodes.add(code)) {
                return Json.conflict("激活码已使用", "Enrolment code already used");
            }
            String terminalId = ec.get().terminalId() != null ? ec.get().terminalId() : b.path("terminalId").asText();
            X509Certificate cert;
            try {
                cert = ca.issueTerminal(Pem.csr(b.path("csrPem").asText()), terminalId, CERT_VALIDITY);
            } catch (IOException | GeneralSecurityException e) {
                if (!ec.get().reusable()) {
                    usedCodes.remove(code);
                }
                return Json.badRequest("证书请求无效", "Invalid certificate request: " + e.getMessage());
            }
            terminals.enrolled(terminalId, cert.getSerialNumber());
            ObjectNode r = Json.obj();
            r.put("terminalId", terminalId);
            r.put("certificatePem", Pem.encode(cert));
            r.put("caCertificatePem", Pem.encode(ca.caCertificate()));
            r.put("notAfter", Json.time(cert.getNotAfter().toInstant()));
            r.put("enrolledAt", Json.now());
            return ApiResponse.ok(r);
        });
        handle.accept("getRemoteConfig", req -> {
            String id = req.pathParams().get("terminalId");
            if (!id.equals(req.terminalId())) {
                return Json.forbidden("终端编号不一致", "Terminal id mismatch");
            }
            return ApiResponse.ok(remoteConfigs.getOrDefault(id, seed.remoteConfig()).deepCopy());
        });
        handle.accept("postCommissioningReport", req -> {
            String id = req.pathParams().get("terminalId");
            if (!id.equals(req.terminalId()) || !id.equals(req.body().path("terminalId").asText())) {
                return Json.forbidden("终端编号不一致", "Terminal id mismatch");
            }
            int n = terminals.commissioningReport(id, req.body());
            ObjectNode r = Json.obj();
            r.put("receivedAt", Json.now());
            r.put("reports", n);
            return ApiResponse.ok(r);
        });
        handle.accept("postLogs", req -> {
            String id = req.pathParams().get("terminalId");
            if (!id.equals(req.terminalId())) {
                return Json.forbidden("终端编号不一致", "Terminal id mismatch");
            }
            int n = req.body().path("entries").size();
            terminals.logs(id, n);
            ObjectNode r = Json.obj();
            r.put("accepted", n);
            return ApiResponse.ok(r);
        });
    }

    /** Sets a terminal's remote configuration (tests and demos). */
    public void remoteConfig(String terminalId, ObjectNode config) {
        remoteConfigs.put(terminalId, config.deepCopy());
    }

    public Instant now() {
        return Instant.now();
    }
}
