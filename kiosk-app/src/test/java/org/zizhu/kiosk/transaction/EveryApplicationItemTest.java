package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zizhu.central.CentralSimulator;
import org.zizhu.central.seed.SeedData;
import org.zizhu.device.camera.document.DocumentCapture;
import org.zizhu.device.camera.face.FaceCapture;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.camera.sim.DocumentScenes;
import org.zizhu.device.camera.sim.SyntheticScenes;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.forms.FieldCheck;
import org.zizhu.ids.IdChecks;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogModel.Material;
import org.zizhu.kiosk.flow.ApplicationEvent;
import org.zizhu.kiosk.flow.ApplicationFlow;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;
import org.zizhu.print.AcceptanceReceiptData;
import org.zizhu.print.CommitmentLetterData;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.TemplateData;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;

/**
 * Every seeded item that takes an application (申报) is submitted by a simulated resident through
 * the real {@link ApplicationFlow} and {@link CentralApplicationPorts} against the real central-sim
 * (strict contract): an ID card and a face from the simulated camera, consent to the e-licenses,
 * every required field the card or a license did not fill typed with a value made from the field's
 * own definition (type, choices, length, pattern, number range, date window), every material
 * resolved the way the catalogue allows (免提交 by e-license or shared data, a page from the
 * simulated document camera, or a signed 容缺 commitment), postal delivery where offered. The
 * centre must open exactly one case for the item and the receipt (and each signed 承诺书) must
 * fill its template and encode for the receipt printer. One central-sim and one kiosk runtime
 * serve all items.
 */
class EveryApplicationItemTest {
    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final PrintTemplates TEMPLATES = PrintTemplates.builtIn();
    /** 包头市鹿城智联科技有限公司: its legal representative applies for the enterprise items. */
    private static final String ENTERPRISE = "91150203MA0N7LC8XD";

    @TempDir
    static Path data;
    static CentralSimulator central;
    static KioskRuntime runtime;
    static BufferedImage deskScene;
    static BufferedImage faceScene;

    @BeforeAll
    static void start() throws Exception {
        central = CentralSimulator.builder().https(false).start();
        assertTrue(central.residents().formsRequired(), "the kiosk's applications always carry the form");
        runtime = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
        // The scenes are drawn once; each capture runs the real pipeline on them (edge detection, correction, quality).
        deskScene = DocumentScenes.render(DocumentScene.A4_ON_DESK).image();
        faceScene = SyntheticScenes.face(640, 480, 0.35, 1.0);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (central != null) {
            central.close();
        }
    }

    /** The seeded items that take an application, as the centre serves them to the kiosk (read after {@link #start}). */
    static Stream<String> applicationItems() throws Exception {
        List<String> codes = new ArrayList<>();
        for (JsonNode s : central.catalog().index().path("items")) {
            String code = s.path("code").asText();
            if (CatalogJson.item(central.catalog().item(code).orElseThrow()).takesApplication()) {
                codes.add(code);
            }
        }
        return codes.stream();
    }

    @Test
    void theSeedHasTheTwentyOneApplicationItems() throws Exception {
        assertEquals(21, applicationItems().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationItems")
    void aResidentSubmitsItAtTheKiosk(String code) throws Exception {
        ItemDetail item = CatalogJson.item(central.catalog().item(code).orElseThrow());
        Visit visit = new Visit();
        // An item for an existing enterprise: its legal representative applies for it (企业一码).
        SeedData.Enterprise enterprise = null;
        SeedData.Resident person = applicantFor(item);
        List<TemplateData> printed = new ArrayList<>();
        var ports = new CentralApplicationPorts(runtime.services(),
                timeout -> FaceCapture.withDefaults().assess(faceScene),
                timeout -> Optional.of(DocumentCapture.withDefaults().assess(deskScene)),
                jobs -> jobs.forEach(job -> {
                    // What the receipt printer would get: the template filled and encoded to ESC/POS.
                    ReceiptEncoder.encode(ReceiptLayout.layout(TEMPLATES.fill(job.data()), ReceiptPaper.MM80));
                    printed.add(job.data());
                }), new Messages(), Clock.systemDefaultZone());
        ApplicationFlow f = ApplicationFlow.start(item, ports, visit, Runnable::run, Clock.system(CST));
        if (f.forEnterprise()) {
            enterprise = central.seed().enterprise(ENTERPRISE).orElseThrow();
            person = central.seed().resident(enterprise.legalRepresentative()).orElseThrow();
        }
        LocalDate today = LocalDate.now(CST);
        int casesBefore = central.residents().caseCount();

        f.fire(new ApplicationEvent.Identified(new Resident(person.nameZh(), person.idNumber(), Resident.Source.ID_CARD,
                today.plusYears(5)), today.minusYears(5)));
        if (enterprise != null) {
            // The person verified, the enterprise chosen by its credit code and confirmed by the centre.
            assertInstanceOf(ApplicationState.ChoosingEnterprise.class, f.state(), () -> "after identification: " + f.state());
            f.fire(new ApplicationEvent.EnterpriseCodeTyped(enterprise.creditCode()));
        }
        if (f.state() instanceof ApplicationState.Consent) {
            f.fire(new ApplicationEvent.ConsentGiven(true));
        }
        var form = assertInstanceOf(ApplicationState.FillingForm.class, f.state(), () -> "after identification: " + f.state());
        if (enterprise != null) {
            assertEquals(enterprise.creditCode(), form.application().enterprise().creditCode());
            if (item.form().field("creditCode").isPresent()) {
                assertEquals(enterprise.creditCode(), form.application().values().get("creditCode"), "免填: the enterprise's code");
            }
            if (item.form().field("entityName").isPresent()) {
                assertEquals(enterprise.nameZh(), form.application().values().get("entityName"), "免填: the enterprise's name");
            }
        }
        for (FormField field : item.form().fields()) {
            if (field.required() && !form.application().values().containsKey(field.id())) {
                f.fire(new ApplicationEvent.EditField(field.id(), valueFor(field, person, today)));
            }
        }
        f.fire(new ApplicationEvent.SubmitForm());
        var materials = assertInstanceOf(ApplicationState.Materials.class, f.state(), () -> "after the form: " + f.state());

        int commitments = 0;
        for (int i = 0; i < item.materials().size(); i++) {
            Material m = item.materials().get(i);
            if (!(materials.application().materials().get(i) instanceof ApplicationState.Unresolved)) {
                continue; // 免提交 (e-license, shared data) or covered by the electronic form
            }
            if (m.missingAllowed() && m.missingDueDays() != null) {
                f.fire(new ApplicationEvent.Commit(i, SampleDocuments.signaturePng()));
                commitments++;
            } else {
                f.fire(new ApplicationEvent.CapturePage(i));
            }
            var now = assertInstanceOf(ApplicationState.Materials.class, f.state());
            int at = i;
            assertTrue(now.messageKey() == null && now.message() == null,
                    () -> m.name().zh() + ": " + now.messageKey() + " " + now.message());
            materials = now;
            assertTrue(!(materials.application().materials().get(at) instanceof ApplicationState.Unresolved), m.name().zh());
        }
        f.fire(new ApplicationEvent.MaterialsDone());
        boolean conditions = item.conditionsCommitment().isPresent();
        if (conditions) {
            // 告知承诺制: the conditions are signed before the delivery.
            assertInstanceOf(ApplicationState.AcceptingConditions.class, f.state(), () -> "after materials: " + f.state());
            f.fire(new ApplicationEvent.CommitConditions(SampleDocuments.signaturePng()));
        }
        if (item.offersPostalDelivery()) {
            assertInstanceOf(ApplicationState.ChoosingDelivery.class, f.state(), () -> "after materials: " + f.state());
            f.fire(new ApplicationEvent.ChoosePost("150202001", "内蒙古自治区包头市东河区和平路街道", "和平路12号3单元501",
                    person.nameZh(), "13912345678"));
        }
        assertInstanceOf(ApplicationState.Confirming.class, f.state(), () -> "before confirming: " + f.state());
        f.fire(new ApplicationEvent.ConfirmSubmit());

        var done = assertInstanceOf(ApplicationState.Done.class, f.state(), () -> "after submitting: " + f.state());
        assertNull(done.printProblem(), () -> "print: " + done.printProblem());
        assertEquals(1, central.appliedWithKey(f.idempotencyKey()), "exactly one application");
        assertEquals(casesBefore + 1, central.residents().caseCount(), "exactly one case opened");
        String caseNumber = done.outcome().reference();
        var status = runtime.services().oneCertificate().caseStatus(caseNumber);
        assertEquals(code, status.itemCode());
        assertEquals(commitments, status.owed().size(), "the centre holds the committed materials as owed");

        assertEquals(1 + commitments + (conditions ? 1 : 0), printed.size(),
                "the receipt, then one signed letter per commitment, then the signed 告知承诺书");
        AcceptanceReceiptData receipt = assertInstanceOf(AcceptanceReceiptData.class, printed.get(0));
        assertEquals(caseNumber, receipt.caseNumber());
        if (enterprise != null) {
            // The case is the enterprise's; the receipt is in its name, the person as the one who acted.
            assertEquals(Optional.of(enterprise.creditCode()), central.enterprises().caseHolder(caseNumber));
            assertEquals(enterprise.nameZh(), receipt.enterpriseName());
            assertEquals(enterprise.creditCode(), receipt.enterpriseCreditCode());
            assertEquals(person.idNumber(), receipt.applicantIdNumber());
        } else {
            assertNull(receipt.enterpriseName());
            assertEquals(Optional.empty(), central.enterprises().caseHolder(caseNumber));
        }
        assertEquals(commitments, receipt.acceptedUnderCommitment().size());
        for (TemplateData letter : printed.subList(1, 1 + commitments)) {
            assertTrue(assertInstanceOf(CommitmentLetterData.class, letter).signaturePng().length > 0);
        }
        if (conditions) {
            var notice = assertInstanceOf(org.zizhu.print.NotificationCommitmentData.class, printed.get(printed.size() - 1));
            assertEquals(caseNumber, notice.caseNumber());
            assertEquals(item.conditionsCommitment().get().zh(), notice.conditions());
            assertTrue(notice.signaturePng().length > 0);
        }
        assertEquals(List.of(), central.contractViolations());
        visit.end("test");
    }

    /**
     * The seeded person whose face the centre matches and who holds most of the e-licenses the
     * item's materials can come from (a company's items go to the person holding a business
     * license); ties go to the first in the seed.
     */
    private static SeedData.Resident applicantFor(ItemDetail item) {
        Set<String> wanted = item.materials().stream().map(Material::eLicenseType).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.toSet());
        return central.seed().residents().stream().filter(r -> r.face().equals("MATCH"))
                .max(Comparator.comparingLong((SeedData.Resident r) -> r.licenses().stream()
                        .filter(l -> wanted.contains(l.type().type())).count())
                        .thenComparing(r -> -central.seed().residents().indexOf(r)))
                .orElseThrow();
    }

    /** A value that the field's own definition accepts; checked with the shared rules before it is typed. */
    static String valueFor(FormField field, SeedData.Resident person, LocalDate today) {
        var rule = field.rule();
        int min = rule == null || rule.minLength() == null ? 1 : rule.minLength();
        String v = switch (field.type()) {
            case CHINESE_TEXT -> fit("包头市东河区和平路街道", min, field.maxLength());
            case ADDRESS -> fit("内蒙古自治区包头市东河区和平路12号", min, field.maxLength());
            case TEXT -> rule != null && rule.pattern() != null ? fromPattern(rule.pattern())
                    : fit("包头钢铁集团有限责任公司", min, field.maxLength());
            case ID_NUMBER -> person.idNumber();
            case PHONE -> "13912345678";
            case USCC -> creditCode("91150200MA0N00000");
            case CHOICE -> field.choices().get(0).value();
            case NUMBER -> rule.min().add(rule.max()).divide(BigDecimal.valueOf(2), rule.decimals(), RoundingMode.DOWN)
                    .max(rule.min()).toPlainString();
            case DATE -> date(rule == null ? null : rule.when(), today).toString();
            case DATE_RANGE -> {
                LocalDate start = date(rule.when(), today);
                yield start + "/" + start.plusDays(Math.min(rule.maxSpanDays(), 30));
            }
        };
        String value = v;
        var broken = FieldCheck.check(field.spec(), value, today);
        assertTrue(broken.isEmpty(), () -> field.id() + " (" + field.type() + "): generated value breaks " + broken.get());
        return value;
    }

    private static LocalDate date(org.zizhu.forms.DateWindow when, LocalDate today) {
        if (when == org.zizhu.forms.DateWindow.TODAY_OR_FUTURE) {
            return today.plusDays(7);
        }
        return today.minusYears(1);
    }

    /** {@code text} repeated or cut to lie within the field's lengths. */
    private static String fit(String text, int min, int max) {
        StringBuilder b = new StringBuilder(text);
        while (b.codePointCount(0, b.length()) < min) {
            b.append(text);
        }
        int n = Math.min(b.codePointCount(0, b.length()), max);
        return b.substring(0, b.offsetByCodePoints(0, n));
    }

    /** A 17-character base with its GB 32100 check character. */
    private static String creditCode(String base) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(base.charAt(i)) * weights[i];
        }
        String code = base + chars.charAt((31 - sum % 31) % 31);
        assertTrue(IdChecks.validCreditCode(code), code);
        return code;
    }

    /**
     * The shortest string a catalogue pattern matches. Catalogue patterns use literals, escapes,
     * character classes and counted repetition only (anchored); anything else fails here so a
     * new kind of pattern is noticed rather than guessed.
     */
    static String fromPattern(String pattern) {
        StringBuilder out = new StringBuilder();
        String p = pattern;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            String unit;
            if (c == '^' || c == '$') {
                i++;
                continue;
            } else if (c == '\\') {
                unit = String.valueOf(p.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                String cls = p.substring(i + 1, end);
                if (cls.startsWith("^")) {
                    throw new AssertionError("negated class in " + pattern);
                }
                unit = String.valueOf(cls.charAt(0) == '0' && cls.startsWith("0-9") ? '1' : cls.charAt(0));
                i = end + 1;
            } else if ("()|.*+?{".indexOf(c) >= 0) {
                throw new AssertionError("pattern construct '" + c + "' not generated: " + pattern);
            } else {
                unit = String.valueOf(c);
                i++;
            }
            int times = 1;
            if (i < p.length() && p.charAt(i) == '{') {
                int end = p.indexOf('}', i);
                times = Integer.parseInt(p.substring(i + 1, end).split(",")[0]);
                i = end + 1;
            } else if (i < p.length() && p.charAt(i) == '+') {
                i++;
            }
            out.append(unit.repeat(times));
        }
        return out.toString();
    }
}
