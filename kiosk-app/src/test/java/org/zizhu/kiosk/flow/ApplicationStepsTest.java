package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.zizhu.forms.FieldRule;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationEvent.*;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ApplicationPorts.License;
import org.zizhu.kiosk.flow.ApplicationPorts.Prepared;
import org.zizhu.kiosk.flow.ApplicationState.*;
import org.zizhu.kiosk.forms.FormRules.FieldError;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;

/** The application's transition function alone: form rules, pages, 容缺 only where allowed, delivery only where offered. */
class ApplicationStepsTest {
    /** 退休申请: ID card (e-license), personnel file (paper), a 容缺 material (30 days), the form, social security (shared); post offered. */
    static final String RETIREMENT = "12150200MB1C47725K050210200001";
    /** An application item that offers no postal delivery. */
    static final String NO_POST = "12150200MB1C47725K050201100001";
    static final String WANG = "150202198503120016";
    static final String WANG_CARD_LICENSE = "1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3";
    static final String CARD_ADDRESS = "内蒙古自治区包头市东河区巴彦塔拉大街1号";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final Messages MESSAGES = new Messages();

    static ItemDetail item(String code) throws Exception {
        try (InputStream in = ApplicationStepsTest.class.getResourceAsStream("/catalog/items/" + code + ".json")) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(in);
            node.put("guideUrl", "http://127.0.0.1/items/" + code); // the centre adds its own address when serving
            return CatalogJson.item(node);
        }
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(240, 80, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(10, 10, 0, 200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private final ItemDetail retirement;

    ApplicationStepsTest() throws Exception {
        retirement = item(RETIREMENT);
    }

    static ApplicationSteps.Next step(ItemDetail item, ApplicationState s, ApplicationEvent e) {
        ApplicationSteps.Next n = ApplicationSteps.next(s, e, new ApplicationSteps.Facts(item, TODAY,
                Instant.parse("2026-12-02T02:00:00Z"), false, MESSAGES));
        assertFalse(n.ignored(), () -> e + " ignored in " + s.getClass().getSimpleName());
        return n;
    }

    static boolean ignored(ItemDetail item, ApplicationState s, ApplicationEvent e) {
        return ApplicationSteps.next(s, e, new ApplicationSteps.Facts(item, TODAY, Instant.now(), false, MESSAGES)).ignored();
    }

    /** Identified, consented, prepared with the ID card e-license: the form. */
    static FillingForm form(ItemDetail item) {
        Resident card = new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
        ApplicationState s = step(item, ApplicationSteps.INITIAL, new Identified(card, LocalDate.of(2016, 1, 1))).state();
        Consent c = assertInstanceOf(Consent.class, s);
        var n = step(item, c, new ConsentGiven(true));
        assertInstanceOf(Preparing.class, n.state());
        assertTrue(n.effects().stream().anyMatch(e -> e instanceof ApplicationEffect.Prepare p && p.consented()));
        Resident verified = new Resident("王建国", WANG, CARD_ADDRESS, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
        var prepared = new Prepared(verified, "AUTH-1", List.of(new License("ID_CARD", WANG_CARD_LICENSE,
                new ObjectMapper().createObjectNode())));
        return assertInstanceOf(FillingForm.class, step(item, n.state(), new PreparedAnswer(prepared)).state());
    }

    /** The retirement form's fields the resident types (name and ID number are prefilled). */
    static Map<String, String> filledFields() {
        return Map.of("workStart", "1985-07-01", "kind", "NORMAL", "employer", "包头钢铁（集团）有限责任公司",
                "address", "内蒙古自治区包头市东河区和平路12号", "phone", "13912345678");
    }

    static Materials filled(ItemDetail item, FillingForm f) {
        ApplicationState s = f;
        for (var e : filledFields().entrySet()) {
            s = step(item, s, new EditField(e.getKey(), e.getValue())).state();
        }
        return assertInstanceOf(Materials.class, step(item, s, new SubmitForm()).state());
    }

    @Test
    void aMobileAppLoginAlsoAsksForTheIdCardELicenseWhichNamesTheApplicant() throws Exception {
        ItemDetail deregistration = item("11150200MB1534142X010300300001"); // 企业注销登记: no ID-card material
        assertFalse(ApplicationSteps.licenseTypes(deregistration).contains("ID_CARD"));
        ApplicationState s = step(deregistration, ApplicationSteps.INITIAL,
                new Identified(Resident.fromMobileApp("QRDEMO-wangjianguo-0001"), null)).state();
        assertTrue(assertInstanceOf(Consent.class, throughEnterprise(deregistration, s)).licenseTypes().contains("ID_CARD"),
                "asked for with the consent");
        Resident card = new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
        ApplicationState byCard = throughEnterprise(deregistration,
                step(deregistration, ApplicationSteps.INITIAL, new Identified(card, LocalDate.of(2016, 1, 1))).state());
        List<String> cardTypes = byCard instanceof Consent c ? c.licenseTypes() : List.of();
        assertFalse(cardTypes.contains("ID_CARD"), "a card names the applicant itself");
    }

    /** An enterprise's application: the person verified, the enterprise chosen and confirmed by the centre. */
    private static ApplicationState throughEnterprise(ItemDetail item, ApplicationState verifying) {
        assertInstanceOf(VerifyingPerson.class, verifying);
        ServicePorts.VerifiedPerson person = () -> { };
        ApplicationState s = step(item, verifying, new PersonVerified(person)).state();
        s = step(item, s, new EnterpriseCodeTyped(EnterpriseApplicationStepsTest.LUCHENG)).state();
        return step(item, s, new EnterpriseIdentified(EnterpriseApplicationStepsTest.lucheng())).state();
    }

    @Test
    void theFormStartsPrefilledAndNamesEachBadFieldAndItsRule() {
        FillingForm f = form(retirement);
        assertEquals("王建国", f.application().values().get("name"), "免填 from the card");
        assertEquals(WANG, f.application().values().get("idNumber"));
        assertEquals(CARD_ADDRESS, f.application().values().get("address"), "免填: the address printed on the card");
        assertEquals(new FromLicense(WANG_CARD_LICENSE), f.application().materials().get(0), "免提交: the fetched e-license");
        assertEquals(new Unresolved(), f.application().materials().get(1));
        assertEquals(new ByForm(), f.application().materials().get(3));
        assertEquals(new Shared(), f.application().materials().get(4));

        FillingForm bad = assertInstanceOf(FillingForm.class, step(retirement, f, new EditField("phone", "1234")).state());
        assertEquals(Map.of("phone", FieldRule.PHONE), bad.errors(), "checked as soon as it is typed");
        FillingForm refused = assertInstanceOf(FillingForm.class, step(retirement, bad, new SubmitForm()).state());
        assertEquals(FieldRule.REQUIRED, refused.errors().get("workStart"));
        assertEquals(FieldRule.PHONE, refused.errors().get("phone"));
        FillingForm fixed = assertInstanceOf(FillingForm.class, step(retirement, refused, new EditField("phone", "13912345678")).state());
        assertNull(fixed.errors().get("phone"));
        assertTrue(ignored(retirement, fixed, new EditField("noSuchField", "x")));
        filled(retirement, f);
    }

    @Test
    void pagesAreTakenRetakenAndDeletedAndReplacedPagesWiped() {
        Materials m = filled(retirement, form(retirement));
        assertTrue(ignored(retirement, m, new CapturePage(0)), "an e-license material stays 免提交");
        var n = step(retirement, m, new CapturePage(1));
        assertEquals(new Capturing(m.resident(), m.application(), 1, -1), n.state());
        assertEquals(List.of(new ApplicationEffect.CapturePage(1, -1)), n.effects());
        Image p1 = new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
        Image p2 = new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 2});
        Image p3 = new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 3});
        ApplicationState s = step(retirement, n.state(), new PageCaptured(1, -1, p1)).state();
        s = step(retirement, step(retirement, s, new CapturePage(1)).state(), new PageCaptured(1, -1, p2)).state();
        assertEquals(new Pages(List.of(p1, p2)), ((Materials) s).application().materials().get(1));

        var retake = step(retirement, s, new RetakePage(1, 0));
        assertEquals(new ApplicationEffect.CapturePage(1, 0), retake.effects().get(0));
        var replaced = step(retirement, retake.state(), new PageCaptured(1, 0, p3));
        assertEquals(new Pages(List.of(p3, p2)), ((Materials) replaced.state()).application().materials().get(1));
        assertTrue(replaced.effects().contains(new ApplicationEffect.Wipe(p1)), "the replaced page is wiped");

        var deleted = step(retirement, replaced.state(), new DeletePage(1, 1));
        assertEquals(new Pages(List.of(p3)), ((Materials) deleted.state()).application().materials().get(1));
        assertTrue(deleted.effects().contains(new ApplicationEffect.Wipe(p2)));
        var none = step(retirement, deleted.state(), new DeletePage(1, 0));
        assertEquals(new Unresolved(), ((Materials) none.state()).application().materials().get(1));
        assertTrue(ignored(retirement, none.state(), new DeletePage(1, 0)));

        Text blurred = Text.of(MESSAGES, "device.document.BLURRED");
        var failed = step(retirement, step(retirement, none.state(), new CapturePage(1)).state(), new CaptureFailed(blurred));
        assertEquals(blurred, ((Materials) failed.state()).message(), "the camera's reason is shown; the resident may try again");
    }

    @Test
    void aMaterialCanBeCommittedOnlyWhereTheItemAllowsItWithItsDueDate() throws Exception {
        Materials m = filled(retirement, form(retirement));
        Materials refused = assertInstanceOf(Materials.class, step(retirement, m, new Commit(1, png())).state());
        assertEquals("application.notCommittable", refused.messageKey());
        assertEquals(new Unresolved(), refused.application().materials().get(1));
        Materials unsigned = assertInstanceOf(Materials.class, step(retirement, m, new Commit(2, new byte[]{1, 2, 3})).state());
        assertEquals("application.signatureMissing", unsigned.messageKey());

        var n = step(retirement, m, new Commit(2, png()));
        Committed c = assertInstanceOf(Committed.class, ((Materials) n.state()).application().materials().get(2));
        assertEquals(TODAY.plusDays(30), c.dueDate());
        assertTrue(n.effects().contains(new ApplicationEffect.Hold(c.signature())), "the signature lives in the visit");

        Materials missing = assertInstanceOf(Materials.class, step(retirement, n.state(), new MaterialsDone()).state());
        assertTrue(missing.message().zh().contains("本人人事档案"), "the missing material is named");

        var paged = step(retirement, step(retirement, n.state(), new CapturePage(2)).state(),
                new PageCaptured(2, -1, new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 7})));
        assertInstanceOf(Pages.class, ((Materials) paged.state()).application().materials().get(2), "the paper after all");
        assertTrue(paged.effects().contains(new ApplicationEffect.Wipe(c.signature())), "the commitment's signature goes");

        var back = step(retirement, n.state(), new Uncommit(2));
        assertEquals(new Unresolved(), ((Materials) back.state()).application().materials().get(2));
        assertTrue(back.effects().contains(new ApplicationEffect.Wipe(c.signature())));
    }

    static Materials complete(ItemDetail item, Materials m, int paper, int committable) throws Exception {
        ApplicationState s = m;
        if (paper >= 0) {
            s = step(item, step(item, s, new CapturePage(paper)).state(),
                    new PageCaptured(paper, -1, new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1}))).state();
        }
        if (committable >= 0) {
            s = step(item, s, new Commit(committable, png())).state();
        }
        return (Materials) s;
    }

    @Test
    void postalDeliveryNeedsAnAddressAndAMobileAndThenTheCentreDecides() throws Exception {
        Materials m = complete(retirement, filled(retirement, form(retirement)), 1, 2);
        ChoosingDelivery d = assertInstanceOf(ChoosingDelivery.class, step(retirement, m, new MaterialsDone()).state());
        ChoosingDelivery noAddress = assertInstanceOf(ChoosingDelivery.class,
                step(retirement, d, new ChoosePost("150202001", " ", "和平路12号", "王建国", "13912345678")).state());
        assertEquals("application.addressMissing", noAddress.messageKey());
        ChoosingDelivery badMobile = assertInstanceOf(ChoosingDelivery.class,
                step(retirement, d, new ChoosePost("150202001", "东河区和平路街道", "和平路12号", "王建国", "1391234")).state());
        assertEquals("application.mobileInvalid", badMobile.messageKey());
        Confirming c = assertInstanceOf(Confirming.class,
                step(retirement, d, new ChoosePost("150202001", "东河区和平路街道", "和平路12号", "王建国", "13912345678")).state());
        assertTrue(c.application().delivery().post());

        var submit = step(retirement, c, new ConfirmSubmit());
        assertEquals(List.of(new ApplicationEffect.Submit(c.resident(), c.application())), submit.effects());
        var refused = step(retirement, submit.state(), new SubmitAnswered(new ApplicationPorts.Refused("FORM_INVALID",
                List.of(new FieldError("idNumber", FieldRule.ID_NUMBER_CHECK)), new Text("表单有误", "Form invalid"))));
        Failed f = assertInstanceOf(Failed.class, refused.state());
        assertEquals("FORM_INVALID", f.code());
        assertFalse(f.canRetry(), "a refusal is not retried as it is");
        FillingForm back = assertInstanceOf(FillingForm.class, step(retirement, f, new FixForm()).state());
        assertEquals(Map.of("idNumber", FieldRule.ID_NUMBER_CHECK), back.errors());
    }

    @Test
    void anItemWithoutPostGoesStraightToConfirmationForTheWindow() throws Exception {
        ItemDetail item = item(NO_POST);
        assertFalse(item.offersPostalDelivery());
        FillingForm f = form(item);
        Map<String, String> good = new java.util.HashMap<>();
        ApplicationState s = f;
        for (var field : item.form().fields()) {
            if (field.required() && !f.application().values().containsKey(field.id())) {
                good.put(field.id(), sample(field));
            }
        }
        for (var e : good.entrySet()) {
            s = step(item, s, new EditField(e.getKey(), e.getValue())).state();
        }
        ApplicationState after = step(item, s, new SubmitForm()).state();
        Materials m = assertInstanceOf(Materials.class, after, () -> "form: " + after);
        int committable = item.materials().indexOf(item.committableMaterials().get(0));
        Confirming c = assertInstanceOf(Confirming.class, step(item, complete(item, m, -1, committable), new MaterialsDone()).state());
        assertSame(DeliveryChoice.WINDOW, c.application().delivery());
        assertInstanceOf(Materials.class, step(item, c, new Back()).state());
    }

    /** A value that passes the field's rule (the seeded forms' kinds). */
    static String sample(org.zizhu.kiosk.catalog.CatalogModel.FormField f) {
        return switch (f.type()) {
            case PHONE -> "13912345678";
            case ID_NUMBER -> WANG;
            case DATE -> "2020-01-01";
            case CHOICE -> f.choices().get(0).value();
            case USCC -> "91150200MA0N000001";
            case NUMBER -> "1";
            default -> "包头市东河区";
        };
    }

    @Test
    void onAcceptanceOnlyThePagesAreWipedTheSignatureWhenTheLetterHasPrinted() throws Exception {
        Materials m = complete(retirement, filled(retirement, form(retirement)), 1, 2);
        Image page = ((Pages) m.application().materials().get(1)).pages().get(0);
        Image signature = ((Committed) m.application().materials().get(2)).signature();
        Confirming c = assertInstanceOf(Confirming.class, step(retirement, step(retirement, m, new MaterialsDone()).state(),
                new ChooseWindow()).state());
        var submitting = step(retirement, c, new ConfirmSubmit()).state();
        var outcome = new ServicePorts.Outcome() {
            @Override
            public String reference() {
                return "ZW-20261202-000001";
            }

            @Override
            public Text title() {
                return new Text("已受理", "Accepted");
            }

            @Override
            public void wipe() {
            }
        };
        var accepted = step(retirement, submitting, new SubmitAnswered(new ApplicationPorts.Accepted(outcome)));
        Printing printing = assertInstanceOf(Printing.class, accepted.state());
        assertTrue(accepted.effects().contains(new ApplicationEffect.Wipe(page)), "the page went with the application");
        assertFalse(accepted.effects().contains(new ApplicationEffect.Wipe(signature)), "the letter still needs the signature");
        assertEquals(List.of(new Owed("视同缴费年限、特殊工种等证明材料（如有）", TODAY.plusDays(30), signature)), printing.owed());
        var print = accepted.effects().stream().filter(e -> e instanceof ApplicationEffect.PrintReceipt).findFirst().orElseThrow();
        assertSame(signature, ((ApplicationEffect.PrintReceipt) print).owed().get(0).signature(), "printed with the letter");

        // The print failed (paper out): the signature stays for the retry.
        var failed = step(retirement, printing, new WorkFailed("print", new Text("缺纸", "Out of paper"), true));
        Done problem = assertInstanceOf(Done.class, failed.state());
        assertTrue(failed.effects().stream().noneMatch(e -> e instanceof ApplicationEffect.Wipe));
        var retry = step(retirement, problem, new Retry());
        assertSame(signature, ((Printing) retry.state()).owed().get(0).signature());

        var printed = step(retirement, retry.state(), new Printed());
        assertInstanceOf(Done.class, printed.state());
        assertTrue(printed.effects().contains(new ApplicationEffect.Wipe(signature)), "printed: the signature goes now");

        // Leaving after a failed print wipes it too (the visit would, at its end).
        assertTrue(step(retirement, problem, new Cancel()).effects().contains(new ApplicationEffect.Wipe(signature)));
        assertTrue(step(retirement, printing, new VisitEnded()).effects().contains(new ApplicationEffect.Wipe(signature)));
    }

    @Test
    void cancellingWipesEveryImageAndEndsTheFlow() throws Exception {
        Materials m = complete(retirement, filled(retirement, form(retirement)), 1, 2);
        var end = step(retirement, m, new Cancel());
        assertEquals(new Ended(), end.state());
        assertEquals(2, end.effects().stream().filter(e -> e instanceof ApplicationEffect.Wipe).count());
        assertTrue(ignored(retirement, end.state(), new Cancel()));
        assertTrue(ignored(retirement, new Submitting(m.resident(), m.application()), new Cancel()),
                "a submission under way is not abandoned");
    }

    /** 食品经营许可: decided under 告知承诺制, post offered. */
    static final String FOOD_LICENCE = "11150200MB1535080D011030100001";

    /** Every material of the item resolved (the form by the form, the rest by a page): its materials page. */
    private static Materials resolved(ItemDetail item) {
        Resident r = new Resident("王建国", WANG, CARD_ADDRESS, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
        List<Resolution> ms = item.materials().stream().map(m -> m.kind() == org.zizhu.kiosk.catalog.CatalogModel.MaterialKind.FORM
                ? (Resolution) new ByForm() : new Pages(List.of(new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})))).toList();
        return new Materials(r, new Application(Map.of("phone", "13912345678"), ms, null, "AUTH-1"), null, null);
    }

    @Test
    void aNotificationCommitmentItemTakesTheSignedConditionsBeforeDeliveryAndPrintsThenWipesThem() throws Exception {
        ItemDetail food = item(FOOD_LICENCE);
        Materials m = resolved(food);
        AcceptingConditions a = assertInstanceOf(AcceptingConditions.class, step(food, m, new MaterialsDone()).state());
        assertNull(a.messageKey());
        assertNull(a.application().conditions());

        // A blank pad, something not a PNG, a PNG over the contract's bound: refused, with the 容缺 words.
        byte[] huge = png();
        huge = java.util.Arrays.copyOf(huge, ApplicationSteps.MAX_SIGNATURE_BYTES + 1);
        for (byte[] bad : List.of(new byte[0], "signature".getBytes(java.nio.charset.StandardCharsets.UTF_8), huge)) {
            var refused = step(food, a, new CommitConditions(bad));
            AcceptingConditions again = assertInstanceOf(AcceptingConditions.class, refused.state());
            assertEquals("application.signatureMissing", again.messageKey());
            assertNull(again.application().conditions());
            assertTrue(refused.effects().isEmpty(), "nothing held");
        }
        assertInstanceOf(Materials.class, step(food, a, new Back()).state(), "back to the materials");

        var signed = step(food, a, new CommitConditions(png()));
        ChoosingDelivery d = assertInstanceOf(ChoosingDelivery.class, signed.state(), "the item offers the post");
        SignedConditions sc = d.application().conditions();
        assertEquals(Instant.parse("2026-12-02T02:00:00Z"), sc.signedAt());
        org.junit.jupiter.api.Assertions.assertArrayEquals(png(), sc.signature().bytes());
        assertTrue(signed.effects().contains(new ApplicationEffect.Hold(sc.signature())), "held by the visit");

        // Back from the delivery: the conditions again, unsigned; the old signature is wiped.
        var back = step(food, d, new Back());
        assertNull(assertInstanceOf(AcceptingConditions.class, back.state()).application().conditions());
        assertTrue(back.effects().contains(new ApplicationEffect.Wipe(sc.signature())));

        d = assertInstanceOf(ChoosingDelivery.class, step(food, back.state(), new CommitConditions(png())).state());
        Image signature = d.application().conditions().signature();
        Confirming c = assertInstanceOf(Confirming.class, step(food, d, new ChooseWindow()).state());
        assertSame(signature, c.application().conditions().signature(), "submitted with the application");
        // A cancel before submitting wipes the signature.
        assertTrue(step(food, c, new Cancel()).effects().contains(new ApplicationEffect.Wipe(signature)));

        var submitting = step(food, c, new ConfirmSubmit()).state();
        var outcome = new ServicePorts.Outcome() {
            @Override
            public String reference() {
                return "ZW-20261202-000002";
            }

            @Override
            public Text title() {
                return new Text("已受理", "Accepted");
            }

            @Override
            public void wipe() {
            }
        };
        var accepted = step(food, submitting, new SubmitAnswered(new ApplicationPorts.Accepted(outcome)));
        Printing printing = assertInstanceOf(Printing.class, accepted.state());
        assertSame(signature, printing.conditionsSignature());
        assertFalse(accepted.effects().contains(new ApplicationEffect.Wipe(signature)), "the 告知承诺书 still needs it");
        var print = (ApplicationEffect.PrintReceipt) accepted.effects().stream()
                .filter(e -> e instanceof ApplicationEffect.PrintReceipt).findFirst().orElseThrow();
        assertSame(signature, print.conditionsSignature());

        var failed = step(food, printing, new WorkFailed("print", new Text("缺纸", "Out of paper"), true));
        Done problem = assertInstanceOf(Done.class, failed.state());
        assertSame(signature, problem.conditionsSignature(), "kept for the retry");
        var retry = step(food, problem, new Retry());
        assertSame(signature, ((ApplicationEffect.PrintReceipt) retry.effects().get(0)).conditionsSignature());
        var printed = step(food, retry.state(), new Printed());
        assertTrue(printed.effects().contains(new ApplicationEffect.Wipe(signature)), "printed: the signature goes now");
        assertTrue(step(food, problem, new Cancel()).effects().contains(new ApplicationEffect.Wipe(signature)));
    }

    @Test
    void anItemWithoutNotificationCommitmentSkipsTheConditionsAndIgnoresASignatureForThem() throws Exception {
        assertTrue(retirement.conditionsCommitment().isEmpty());
        Materials m = resolved(retirement);
        ApplicationState next = step(retirement, m, new MaterialsDone()).state();
        assertInstanceOf(ChoosingDelivery.class, next);
        assertTrue(ignored(retirement, next, new CommitConditions(png())));
        assertTrue(ignored(retirement, m, new CommitConditions(png())));
        // Without post: straight to the confirmation, whose back is the materials (no conditions in between).
        ItemDetail noPost = item(NO_POST);
        Confirming c = assertInstanceOf(Confirming.class, step(noPost, resolved(noPost), new MaterialsDone()).state());
        assertInstanceOf(Materials.class, step(noPost, c, new Back()).state());
    }
}
