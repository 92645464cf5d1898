package org.zizhu.central.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zizhu.central.contract.OpenApiContract;
import org.zizhu.ids.IdChecks;
import org.zizhu.privacy.Masking;

/**
 * The simulator's seeded people and things, read from data files (classpath {@code seed/} or a
 * directory): residents with their e-licenses, mobile-app QR logins, appointments, existing
 * cases, enrolment codes and the remote configuration. Every ID number and license identifier
 * is checked (check characters) and every license summary validated against the contract at
 * load, so bad seed data stops the simulator at start, naming what is wrong.
 */
public final class SeedData {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record LicenseType(String type, String typeCode, JsonNode name, JsonNode issuer, String issuerCode) {
    }

    public record License(String licenseId, LicenseType type, String issuedOn, String validUntil) {
    }

    public record Resident(String idNumber, JsonNode name, String gender, String address, String face, List<License> licenses) {
        public String nameZh() {
            return name.path("zh").asText();
        }
    }

    public record Appointment(String code, String idNumber, String itemCode, String slotTime) {
    }

    public record SeedCase(String caseNumber, String idNumber, String itemCode, String status, String submittedAt) {
    }

    public record EnrolmentCode(String code, String terminalId, boolean reusable) {
        /** What the QR code of this enrolment code carries, for the commissioning wizard's camera (version 1). */
        public String qrPayload() {
            return "ZZENROL:1:" + code;
        }

    }

    /** An agent's authorisation on record to act for an enterprise, valid on the days from..until inclusive. */
    public record Agent(String idNumber, java.time.LocalDate from, java.time.LocalDate until) {
    }

    /**
     * An enterprise in the register: its unified social credit code, legal form (the contract's
     * {@code LegalForm}), whether it is deregistered (注销), its legal representative and agents
     * (seeded residents), its e-licenses and the payload of its electronic business license QR code.
     */
    public record Enterprise(String creditCode, JsonNode name, String legalForm, boolean deregistered,
                             String legalRepresentative, List<Agent> agents, List<License> licenses, String qrPayload) {
        public String nameZh() {
            return name.path("zh").asText();
        }
    }

    private final Map<String, LicenseType> licenseTypes = new LinkedHashMap<>();
    private final Map<String, Resident> residents = new LinkedHashMap<>();
    private final Map<String, String> qrLogins = new LinkedHashMap<>();
    private final Map<String, Appointment> appointments = new LinkedHashMap<>();
    private final List<SeedCase> cases = new ArrayList<>();
    private final Map<String, EnrolmentCode> enrolmentCodes = new LinkedHashMap<>();
    private final Map<String, Enterprise> enterprises = new LinkedHashMap<>();
    private ObjectNode remoteConfig;

    private SeedData() {
    }

    public static SeedData load(Path dir, OpenApiContract contract) throws IOException {
        SeedData d = new SeedData();
        for (JsonNode t : read(dir, "license-types.json").path("licenseTypes")) {
            LicenseType lt = new LicenseType(t.path("type").asText(), t.path("typeCode").asText(), t.path("name"),
                    t.path("issuer"), t.path("issuerCode").asText());
            d.licenseTypes.put(lt.type(), lt);
        }
        JsonNode people = read(dir, "residents.json");
        for (JsonNode r : people.path("residents")) {
            String id = r.path("idNumber").asText();
            if (!IdChecks.validIdNumber(id)) {
                throw new IOException("seed residents.json: ID number " + Masking.idNumber(id) + " fails its check digit");
            }
            List<License> licenses = new ArrayList<>();
            for (JsonNode l : r.path("licenses")) {
                String lid = l.path("licenseId").asText();
                if (!IdChecks.validLicenseId(lid)) {
                    throw new IOException("seed residents.json: license id " + lid + " fails its MOD 37,36 check char");
                }
                LicenseType lt = d.licenseTypes.get(l.path("type").asText());
                if (lt == null || !lid.startsWith("1.2.156.3005.2." + lt.typeCode() + "." + lt.issuerCode() + ".")) {
                    throw new IOException("seed residents.json: license " + lid + " does not match its type " + l.path("type").asText());
                }
                License lic = new License(lid, lt, l.path("issuedOn").asText(), l.path("validUntil").isNull() ? null : l.path("validUntil").asText());
                List<String> problems = contract.validateComponent("LicenseSummary", summary(lic));
                if (!problems.isEmpty()) {
                    throw new IOException("seed residents.json: license " + lid + " does not match the contract: " + problems);
                }
                licenses.add(lic);
            }
            String face = r.path("face").asText();
            if (!face.equals("MATCH") && !face.equals("NO_MATCH")) {
                throw new IOException("seed residents.json: face outcome must be MATCH or NO_MATCH for " + Masking.idNumber(id));
            }
            d.residents.put(id, new Resident(id, r.path("name"), r.path("gender").asText(), r.path("address").asText(), face, List.copyOf(licenses)));
        }
        for (JsonNode q : people.path("qrLogins")) {
            d.qrLogins.put(q.path("qrToken").asText(), requireResident(d, q.path("idNumber").asText(), "qrLogins"));
        }
        for (JsonNode a : people.path("appointments")) {
            Appointment ap = new Appointment(a.path("appointmentCode").asText(), requireResident(d, a.path("idNumber").asText(), "appointments"),
                    a.path("itemCode").asText(), a.path("slotTime").asText());
            d.appointments.put(ap.code(), ap);
        }
        for (JsonNode c : people.path("cases")) {
            d.cases.add(new SeedCase(c.path("caseNumber").asText(), requireResident(d, c.path("idNumber").asText(), "cases"),
                    c.path("itemCode").asText(), c.path("status").asText(), c.path("submittedAt").asText()));
        }
        loadEnterprises(d, read(dir, "enterprises.json"), contract);
        JsonNode terminals = read(dir, "terminals.json");
        for (JsonNode c : terminals.path("codes")) {
            EnrolmentCode ec = new EnrolmentCode(c.path("code").asText(), c.path("terminalId").isNull() ? null : c.path("terminalId").asText(),
                    c.path("reusable").asBoolean(false));
            if (!ec.code().matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){2,5}")) {
                throw new IOException("seed terminals.json: bad enrolment code format " + ec.code());
            }
            d.enrolmentCodes.put(ec.code(), ec);
        }
        d.remoteConfig = (ObjectNode) terminals.path("remoteConfig");
        List<String> problems = contract.validateComponent("RemoteConfig", d.remoteConfig);
        if (!problems.isEmpty()) {
            throw new IOException("seed terminals.json: remoteConfig does not match the contract: " + problems);
        }
        return d;
    }

    private static final java.util.Set<String> LEGAL_FORMS = java.util.Set.of("LIMITED_LIABILITY_COMPANY", "JOINT_STOCK_COMPANY",
            "SOLE_PROPRIETORSHIP", "PARTNERSHIP", "FARMERS_COOPERATIVE", "INDIVIDUAL_BUSINESS");

    private static void loadEnterprises(SeedData d, JsonNode root, OpenApiContract contract) throws IOException {
        for (JsonNode e : root.path("enterprises")) {
            String code = e.path("creditCode").asText();
            // An early code may fail its check character (domain.md); the seed must say so, so a typo is still caught.
            boolean legacy = e.path("legacyCheckChar").asBoolean(false);
            if (!code.matches("[0-9A-HJ-NP-RTUW-Y]{18}") || IdChecks.validCreditCode(code) == legacy) {
                throw new IOException("seed enterprises.json: credit code " + code + (legacy
                        ? " is marked legacyCheckChar but passes its check (or is malformed)" : " fails its check character"));
            }
            String form = e.path("legalForm").asText();
            if (!LEGAL_FORMS.contains(form)) {
                throw new IOException("seed enterprises.json: unknown legal form " + form + " for " + code);
            }
            String status = e.path("status").asText();
            if (!status.equals("ACTIVE") && !status.equals("DEREGISTERED")) {
                throw new IOException("seed enterprises.json: status must be ACTIVE or DEREGISTERED for " + code);
            }
            String rep = requireResident(d, e.path("legalRepresentative").asText(), "enterprises.json legalRepresentative of " + code);
            List<Agent> agents = new ArrayList<>();
            for (JsonNode a : e.path("agents")) {
                try {
                    Agent ag = new Agent(requireResident(d, a.path("idNumber").asText(), "enterprises.json agent of " + code),
                            java.time.LocalDate.parse(a.path("authorisedFrom").asText()), java.time.LocalDate.parse(a.path("authorisedUntil").asText()));
                    if (ag.until().isBefore(ag.from())) {
                        throw new IOException("seed enterprises.json: an agent's authorisation of " + code + " ends before it starts");
                    }
                    agents.add(ag);
                } catch (java.time.format.DateTimeParseException x) {
                    throw new IOException("seed enterprises.json: bad authorisation date for an agent of " + code, x);
                }
            }
            List<License> licenses = new ArrayList<>();
            for (JsonNode l : e.path("licenses")) {
                licenses.add(license(d, l, "enterprises.json", contract));
            }
            String qr = e.path("eBusinessLicenseQr").asText();
            if (!EBusinessLicenseQr.verify(qr).filter(code::equals).isPresent()) {
                throw new IOException("seed enterprises.json: eBusinessLicenseQr of " + code + " does not verify for that code");
            }
            if (d.enterprises.put(code, new Enterprise(code, e.path("name"), form, status.equals("DEREGISTERED"), rep,
                    List.copyOf(agents), List.copyOf(licenses), qr)) != null) {
                throw new IOException("seed enterprises.json: credit code " + code + " appears twice");
            }
        }
    }

    private static License license(SeedData d, JsonNode l, String file, OpenApiContract contract) throws IOException {
        String lid = l.path("licenseId").asText();
        if (!IdChecks.validLicenseId(lid)) {
            throw new IOException("seed " + file + ": license id " + lid + " fails its MOD 37,36 check char");
        }
        LicenseType lt = d.licenseTypes.get(l.path("type").asText());
        if (lt == null || !lid.startsWith("1.2.156.3005.2." + lt.typeCode() + "." + lt.issuerCode() + ".")) {
            throw new IOException("seed " + file + ": license " + lid + " does not match its type " + l.path("type").asText());
        }
        License lic = new License(lid, lt, l.path("issuedOn").asText(), l.path("validUntil").isNull() ? null : l.path("validUntil").asText());
        List<String> problems = contract.validateComponent("LicenseSummary", summary(lic));
        if (!problems.isEmpty()) {
            throw new IOException("seed " + file + ": license " + lid + " does not match the contract: " + problems);
        }
        return lic;
    }

    private static String requireResident(SeedData d, String id, String where) throws IOException {
        if (!d.residents.containsKey(id)) {
            throw new IOException("seed residents.json: " + where + " refers to an unknown resident");
        }
        return id;
    }

    /** The contract's {@code LicenseSummary} of a license. */
    public static ObjectNode summary(License l) {
        ObjectNode s = JSON.createObjectNode();
        s.put("licenseId", l.licenseId());
        s.put("type", l.type().type());
        s.set("name", l.type().name().deepCopy());
        s.set("issuer", l.type().issuer().deepCopy());
        s.put("issuedOn", l.issuedOn());
        if (l.validUntil() == null) {
            s.putNull("validUntil");
        } else {
            s.put("validUntil", l.validUntil());
        }
        return s;
    }

    public Optional<Resident> resident(String idNumber) {
        return Optional.ofNullable(residents.get(idNumber));
    }

    public List<Resident> residents() {
        return List.copyOf(residents.values());
    }

    public Optional<Enterprise> enterprise(String creditCode) {
        return Optional.ofNullable(enterprises.get(creditCode));
    }

    public List<Enterprise> enterprises() {
        return List.copyOf(enterprises.values());
    }

    public Optional<String> qrLogin(String token) {
        return Optional.ofNullable(qrLogins.get(token));
    }

    public Optional<Appointment> appointment(String code) {
        return Optional.ofNullable(appointments.get(code));
    }

    public List<SeedCase> cases() {
        return List.copyOf(cases);
    }

    public Optional<EnrolmentCode> enrolmentCode(String code) {
        return Optional.ofNullable(enrolmentCodes.get(code));
    }

    /** Every enrolment code on record, in seed order. */
    public synchronized List<EnrolmentCode> enrolmentCodes() {
        return List.copyOf(enrolmentCodes.values());
    }

    public synchronized void addEnrolmentCode(EnrolmentCode c) {
        enrolmentCodes.put(c.code(), c);
    }

    public ObjectNode remoteConfig() {
        return remoteConfig.deepCopy();
    }

    public Map<String, LicenseType> licenseTypes() {
        return Map.copyOf(licenseTypes);
    }

    private static JsonNode read(Path dir, String name) throws IOException {
        byte[] bytes;
        if (dir != null) {
            bytes = Files.readAllBytes(dir.resolve(name));
        } else {
            try (InputStream in = SeedData.class.getClassLoader().getResourceAsStream("seed/" + name)) {
                if (in == null) {
                    throw new IOException("seed file missing from classpath: seed/" + name);
                }
                bytes = in.readAllBytes();
            }
        }
        try {
            return JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("seed file " + name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
