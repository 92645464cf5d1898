package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.WANG;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.ignored;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.item;
import static org.zizhu.kiosk.flow.ApplicationStepsTest.step;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationEvent.*;
import org.zizhu.kiosk.flow.ApplicationPorts.License;
import org.zizhu.kiosk.flow.ApplicationPorts.Prepared;
import org.zizhu.kiosk.flow.ApplicationState.*;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;

/** An application made for an enterprise (企业一码), the transition function alone: no JavaFX, no centre. */
class EnterpriseApplicationStepsTest {
    /** 营业执照遗失补领: a form naming the enterprise (entityName, creditCode), the ID card material. */
    static final String LOST_LICENSE = "11150200MB1534142X100302000001";
    /** 企业变更登记: the business license among the materials. */
    static final String CHANGE = "11150200MB1534142X010300200001";
    /** 企业设立登记: creates the enterprise, so there is none to choose. */
    static final String ESTABLISH = "11150200MB1534142X010300100001";
    static final String LUCHENG = "91150203MA0N7LC8XD";
    static final String LUCHENG_NAME = "包头市鹿城智联科技有限公司";

    private final ServicePorts.VerifiedPerson person = new ServicePorts.VerifiedPerson() {
        @Override
        public void wipe() {
        }
    };

    static EnterpriseIdentity lucheng() {
        return new EnterpriseIdentity(LUCHENG, LUCHENG_NAME, "Baotou Lucheng Zhilian Technology Co., Ltd.",
                "LIMITED_LIABILITY_COMPANY", "有限责任公司", EnterpriseIdentity.Role.LEGAL_REPRESENTATIVE, null, true,
                "ENT-TOKEN", "RES-TOKEN", Instant.parse("2026-12-02T03:00:00Z"));
    }

    private static Resident card() {
        return new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
    }

    /** Identified by card: the person is verified before anything else. */
    private ChoosingEnterprise choosing(ItemDetail item) {
        var identified = step(item, ApplicationSteps.INITIAL, new Identified(card(), LocalDate.of(2016, 1, 1)));
        VerifyingPerson v = assertInstanceOf(VerifyingPerson.class, identified.state());
        assertTrue(identified.effects().contains(new ApplicationEffect.VerifyPerson(v.resident())), "the face check at the centre");
        var verified = step(item, v, new PersonVerified(person));
        assertTrue(verified.effects().contains(new ApplicationEffect.Hold(person)), "the centre's session is the visit's");
        ChoosingEnterprise c = assertInstanceOf(ChoosingEnterprise.class, verified.state());
        assertEquals("enterprise.choose", c.messageKey());
        return c;
    }

    @Test
    void theEnterpriseItemsWithAnExistingEnterpriseGoThroughTheEnterpriseStep() throws Exception {
        assertTrue(ApplicationSteps.forEnterprise(item(LOST_LICENSE)), "names the enterprise by its code");
        assertTrue(ApplicationSteps.forEnterprise(item(CHANGE)));
        assertTrue(ApplicationSteps.forEnterprise(item("12150200MB1F70152P070410300201")), "takes the business license");
        assertFalse(ApplicationSteps.forEnterprise(item(ESTABLISH)), "the enterprise does not exist yet");
        assertFalse(ApplicationSteps.forEnterprise(item(ApplicationStepsTest.RETIREMENT)), "a person's item");
        // 企业设立登记 goes on as a person's application: straight to consent or preparing.
        var est = step(item(ESTABLISH), ApplicationSteps.INITIAL, new Identified(card(), LocalDate.of(2016, 1, 1))).state();
        assertFalse(est instanceof VerifyingPerson, "no enterprise to choose");
    }

    @Test
    void aTypedCodeIsCheckedHereAndTheCentresRefusalIsSaidAndTheResidentChoosesAgain() throws Exception {
        ItemDetail item = item(LOST_LICENSE);
        ChoosingEnterprise c = choosing(item);
        ChoosingEnterprise malformed = assertInstanceOf(ChoosingEnterprise.class, step(item, c, new EnterpriseCodeTyped("12345")).state());
        assertEquals("enterprise.codeMalformed", malformed.messageKey());
        assertTrue(ignored(item, malformed, new EnterpriseCodeConfirmed()), "nothing to confirm");

        // An early code failing its check character: a warning, sent only once confirmed.
        var warned = step(item, c, new EnterpriseCodeTyped("92150204ma0w1k3l80"));
        ChoosingEnterprise w = assertInstanceOf(ChoosingEnterprise.class, warned.state());
        assertEquals("enterprise.checkCharWarning", w.messageKey());
        assertEquals("92150204MA0W1K3L80", w.unconfirmedCode(), "normalised as typed off paper");
        var sent = step(item, w, new EnterpriseCodeConfirmed());
        assertInstanceOf(IdentifyingEnterprise.class, sent.state());
        assertTrue(sent.effects().contains(new ApplicationEffect.IdentifyEnterprise(person,
                new EnterpriseChoice.Typed("92150204MA0W1K3L80"))));

        // A valid code goes at once; the refusal names the reason in the resident's words, and they choose again.
        var typed = step(item, c, new EnterpriseCodeTyped(LUCHENG));
        IdentifyingEnterprise id = assertInstanceOf(IdentifyingEnterprise.class, typed.state());
        Text noAuthority = new Text("您不是该企业的法定代表人", "You are not its legal representative");
        var refused = step(item, id, new EnterpriseRefused("NO_AUTHORITY", noAuthority, false));
        ChoosingEnterprise again = assertInstanceOf(ChoosingEnterprise.class, refused.state());
        assertEquals("enterprise.refused", again.messageKey());
        assertSame(noAuthority, again.message());
        assertSame(person, again.person(), "no second face check");

        // A scanned e-business-license QR code goes to the centre as read.
        var scanned = step(item, again, new EnterpriseQrScanned("ZZEBL1:" + LUCHENG + ":20200101:ABCDEF"));
        assertTrue(scanned.effects().contains(new ApplicationEffect.IdentifyEnterprise(person,
                new EnterpriseChoice.Scanned("ZZEBL1:" + LUCHENG + ":20200101:ABCDEF"))));
    }

    @Test
    void consentIsForTheEnterpriseAndItsNameAndCodeArePrefilledAndItGoesWithTheApplication() throws Exception {
        ItemDetail item = item(LOST_LICENSE);
        IdentifyingEnterprise id = assertInstanceOf(IdentifyingEnterprise.class,
                step(item, choosing(item), new EnterpriseCodeTyped(LUCHENG)).state());
        EnterpriseIdentity lucheng = lucheng();
        var identified = step(item, id, new EnterpriseIdentified(lucheng));
        assertTrue(identified.effects().contains(new ApplicationEffect.Hold(lucheng)), "wiped with the visit");
        Consent consent = assertInstanceOf(Consent.class, identified.state());
        assertSame(lucheng, consent.enterprise());
        assertEquals(List.of("ID_CARD"), consent.licenseTypes(), "the acting person's ID card");

        var agreed = step(item, consent, new ConsentGiven(true));
        Preparing preparing = assertInstanceOf(Preparing.class, agreed.state());
        assertSame(lucheng, preparing.enterprise());
        assertTrue(agreed.effects().contains(new ApplicationEffect.Prepare(consent.resident(), List.of("ID_CARD"), true, person,
                lucheng)), "under the enterprise's token, by the verified person");

        Resident applicant = new Resident("王建国", WANG, Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
        var prepared = new Prepared(applicant, "AU-1", List.of(new License("ID_CARD",
                ApplicationStepsTest.WANG_CARD_LICENSE, new ObjectMapper().createObjectNode())));
        FillingForm form = assertInstanceOf(FillingForm.class, step(item, preparing, new PreparedAnswer(prepared)).state());
        assertEquals(LUCHENG_NAME, form.application().values().get("entityName"), "单位名称 免填");
        assertEquals(LUCHENG, form.application().values().get("creditCode"), "统一社会信用代码 免填");
        assertEquals("王建国", form.application().values().get("agentName"), "the acting person, from the card");
        assertEquals(WANG, form.application().values().get("agentIdNumber"));
        assertSame(lucheng, form.application().enterprise(), "submitted for the enterprise");

        // The enterprise stays with the application through every later step.
        var edited = step(item, form, new EditField("reason", "LOST"));
        assertSame(lucheng, assertInstanceOf(FillingForm.class, edited.state()).application().enterprise());
    }

    @Test
    void declinedConsentStillPreparesForTheEnterpriseAndAnIdentityAfterTheVisitIsWiped() throws Exception {
        ItemDetail item = item(CHANGE);
        IdentifyingEnterprise id = assertInstanceOf(IdentifyingEnterprise.class,
                step(item, choosing(item), new EnterpriseCodeTyped(LUCHENG)).state());
        EnterpriseIdentity lucheng = lucheng();
        Consent consent = assertInstanceOf(Consent.class, step(item, id, new EnterpriseIdentified(lucheng)).state());
        assertEquals(List.of("BUSINESS_LICENSE"), consent.licenseTypes(), "the enterprise's own license");
        var declined = step(item, consent, new ConsentGiven(false));
        assertTrue(declined.effects().contains(new ApplicationEffect.Prepare(consent.resident(), List.of("BUSINESS_LICENSE"),
                false, person, lucheng)));

        // The visit ended while the centre answered: the identity is wiped, the flow stays.
        var late = ApplicationSteps.next(id, new EnterpriseIdentified(lucheng), new ApplicationSteps.Facts(item,
                ApplicationStepsTest.TODAY, Instant.now(), true, ApplicationStepsTest.MESSAGES));
        assertTrue(late.effects().contains(new ApplicationEffect.Wipe(lucheng)));
        assertSame(id, late.state());

        // A verification that failed: the resident is told, with no application to go back to.
        VerifyingPerson v = new VerifyingPerson(card());
        Failed f = assertInstanceOf(Failed.class, step(item, v, new WorkFailed("verify", null, true)).state());
        assertNull(f.application());
        assertTrue(f.canRetry(), "as the port said");
        assertEquals(ApplicationStepsTest.MESSAGES.get(org.zizhu.kiosk.i18n.Language.ZH, "service.failed"), f.message().zh());
    }
}
