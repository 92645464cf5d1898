package org.zizhu.kiosk.services;

import org.zizhu.ids.IdChecks;
import org.zizhu.privacy.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.outbox.Outbox;
import org.zizhu.kiosk.outbox.OutboxKind;

/**
 * 一证通办: the resident's consent, their e-licenses (seal-verified), application submission
 * with materials drawn from e-licenses, and case status.
 *
 * <p>Submissions: a {@link Draft} fixes its idempotency key when the resident starts, so however
 * often "submit" is pressed or retried the centre opens one case. If the centre cannot be
 * reached, the submission goes to the durable outbox and the resident gets a reference; the
 * case number arrives when the outbox delivers it ({@link #queuedReceipt}).
 */
public final class OneCertificateService {
    public record Authorisation(String authorisationId, String itemCode, List<String> licenseTypes, Instant grantedAt, Instant expiresAt) {
    }

    public record LicenseSummary(String licenseId, String type, Text name, Text issuer, LocalDate issuedOn, LocalDate validUntil) {
    }

    public enum MaterialSource { E_LICENSE, SHARED_DATA, MISSING_COMMITTED }

    public record MaterialRef(String name, MaterialSource source, String licenseId) {
    }

    /** An application being prepared; its key is fixed at creation. */
    public record Draft(String idempotencyKey, String itemCode, String applicantIdNumber, String authorisationId,
                        List<MaterialRef> materials, String contactPhone, Instant startedAt) {
        @Override
        public String toString() {
            return "Draft[" + itemCode + ", " + Masking.idNumber(applicantIdNumber) + ", key " + idempotencyKey + "]";
        }
    }

    public record CaseReceipt(String caseNumber, String itemCode, String status, Instant acceptedAt, LocalDate promisedBy) {
    }

    /** Submitted now (receipt present) or queued for later delivery (reference only). */
    public record Submission(Optional<CaseReceipt> receipt, boolean queued, String reference) {
    }

    public record CaseEvent(String status, Instant at, Text note) {
    }

    public record CaseStatus(String caseNumber, String itemCode, String status, Instant updatedAt, List<CaseEvent> history) {
    }

    private final CentralClient client;
    private final SealVerifier seals;
    private final Outbox outbox;

    public OneCertificateService(CentralClient client, SealVerifier seals, Outbox outbox) {
        this.client = client;
        this.seals = seals;
        this.outbox = outbox;
    }

    /** Records the resident's consent for the listed e-license types, for one item, for {@code validity}. */
    public Authorisation authorise(ResidentSession s, String itemCode, Set<String> licenseTypes, Duration validity) throws CentralException {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("itemCode", itemCode);
        ArrayNode t = b.putArray("licenseTypes");
        licenseTypes.stream().sorted().forEach(t::add);
        b.put("expiresAt", Instant.now().plus(validity).truncatedTo(ChronoUnit.SECONDS).toString());
        JsonNode r = client.call(CentralClient.Call.post("/onecert/authorisations", "/onecert/authorisations", b, UUID.randomUUID().toString())
                .header("X-Resident-Token", s.token())).body();
        List<String> types = new ArrayList<>();
        r.path("licenseTypes").forEach(x -> types.add(x.asText()));
        return new Authorisation(r.path("authorisationId").asText(), r.path("itemCode").asText(), List.copyOf(types),
                Instant.parse(r.path("grantedAt").asText()), Instant.parse(r.path("expiresAt").asText()));
    }

    public List<LicenseSummary> licenses(ResidentSession s, Authorisation a) throws CentralException {
        JsonNode r = client.call(CentralClient.Call.get("/onecert/authorisations/" + enc(a.authorisationId()) + "/licenses",
                "/onecert/authorisations/{id}/licenses").header("X-Resident-Token", s.token())).body();
        List<LicenseSummary> out = new ArrayList<>();
        for (JsonNode l : r.path("licenses")) {
            String id = l.path("licenseId").asText();
            if (!IdChecks.validLicenseId(id)) {
                throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "license identifier fails its check char", null, null);
            }
            out.add(new LicenseSummary(id, l.path("type").asText(), text(l.path("name")), text(l.path("issuer")),
                    LocalDate.parse(l.path("issuedOn").asText()),
                    l.path("validUntil").isNull() ? null : LocalDate.parse(l.path("validUntil").asText())));
        }
        return List.copyOf(out);
    }

    /** Fetches one e-license and verifies its issuer seal; refuses it if the seal does not verify. */
    public VerifiedDocument license(ResidentSession s, Authorisation a, String licenseId) throws CentralException {
        JsonNode r = client.call(CentralClient.Call.get("/onecert/authorisations/" + enc(a.authorisationId()) + "/licenses/" + enc(licenseId),
                "/onecert/authorisations/{id}/licenses/{licenseId}").header("X-Resident-Token", s.token())).body();
        VerifiedDocument d = seals.verify(r);
        if (!licenseId.equals(d.content().path("licenseId").asText())) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "document is not the license asked for", null, null);
        }
        return d;
    }

    public Draft draft(String itemCode, String applicantIdNumber, String authorisationId, List<MaterialRef> materials, String contactPhone) {
        return draft(UUID.randomUUID().toString(), itemCode, applicantIdNumber, authorisationId, materials, contactPhone);
    }

    /** A draft under the caller's idempotency key: a retried transaction submits one application. */
    public Draft draft(String idempotencyKey, String itemCode, String applicantIdNumber, String authorisationId,
                       List<MaterialRef> materials, String contactPhone) {
        if (!IdChecks.validIdNumber(applicantIdNumber)) {
            throw new IllegalArgumentException("applicant ID number check digit is wrong");
        }
        for (MaterialRef m : materials) {
            if (m.source() == MaterialSource.E_LICENSE && !IdChecks.validLicenseId(m.licenseId())) {
                throw new IllegalArgumentException("material " + m.name() + " needs a valid e-license identifier");
            }
        }
        if (contactPhone != null && !contactPhone.matches("1[3-9][0-9]{9}")) {
            throw new IllegalArgumentException("contact phone must be an 11-digit mobile number");
        }
        return new Draft(idempotencyKey, itemCode, applicantIdNumber, authorisationId, List.copyOf(materials), contactPhone, Instant.now());
    }

    /**
     * Submits now; if the centre is unreachable or busy, queues the submission durably and
     * returns its reference. A refusal (4xx) is thrown: the resident must fix something.
     */
    public Submission submit(Draft d) throws CentralException, SQLException {
        ObjectNode body = body(d);
        try {
            JsonNode r = client.call(CentralClient.Call.post("/applications", "/applications", body, d.idempotencyKey())).body();
            return new Submission(Optional.of(receipt(r)), false, d.idempotencyKey());
        } catch (CentralException e) {
            if (e.kind() == CentralException.Kind.REJECTED || e.kind() == CentralException.Kind.BAD_RESPONSE) {
                throw e;
            }
            outbox.enqueue(OutboxKind.APPLICATION, "/applications", body, d.idempotencyKey());
            return new Submission(Optional.empty(), true, d.idempotencyKey());
        }
    }

    /** The receipt of a queued submission once the outbox delivered it. */
    public Optional<CaseReceipt> queuedReceipt(String reference) throws SQLException {
        return outbox.result(reference).map(OneCertificateService::receipt);
    }

    public CaseStatus caseStatus(String caseNumber) throws CentralException {
        if (caseNumber == null || !caseNumber.matches("[0-9A-Z-]{8,40}")) {
            throw new IllegalArgumentException("not a case number");
        }
        JsonNode r = client.call(CentralClient.Call.get("/cases/" + enc(caseNumber), "/cases/{caseNumber}")).body();
        List<CaseEvent> h = new ArrayList<>();
        for (JsonNode e : r.path("history")) {
            h.add(new CaseEvent(e.path("status").asText(), Instant.parse(e.path("at").asText()),
                    e.has("note") ? text(e.path("note")) : null));
        }
        return new CaseStatus(r.path("caseNumber").asText(), r.path("itemCode").asText(), r.path("status").asText(),
                Instant.parse(r.path("updatedAt").asText()), List.copyOf(h));
    }

    private static ObjectNode body(Draft d) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("itemCode", d.itemCode());
        b.put("applicantIdNumber", d.applicantIdNumber());
        if (d.authorisationId() == null) {
            b.putNull("authorisationId");
        } else {
            b.put("authorisationId", d.authorisationId());
        }
        ArrayNode ms = b.putArray("materials");
        for (MaterialRef m : d.materials()) {
            ObjectNode o = ms.addObject();
            o.put("name", m.name());
            o.put("source", m.source().name());
            if (m.licenseId() == null) {
                o.putNull("licenseId");
            } else {
                o.put("licenseId", m.licenseId());
            }
        }
        if (d.contactPhone() == null) {
            b.putNull("contactPhone");
        } else {
            b.put("contactPhone", d.contactPhone());
        }
        b.put("submittedAt", d.startedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        return b;
    }

    private static CaseReceipt receipt(JsonNode r) {
        return new CaseReceipt(r.path("caseNumber").asText(), r.path("itemCode").asText(), r.path("status").asText(),
                Instant.parse(r.path("acceptedAt").asText()),
                r.path("promisedBy").isNull() ? null : LocalDate.parse(r.path("promisedBy").asText()));
    }

    static Text text(JsonNode n) {
        return new Text(n.path("zh").asText(), n.path("en").asText());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
