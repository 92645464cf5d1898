package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ServiceFlow;
import org.zizhu.kiosk.flow.ServicePorts;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Rating;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * An enterprise 马上办 item end to end against central-sim (strict contract both ways): a
 * mobile-app login, the enterprise chosen by a typed credit code (a mistyped check character
 * warns first), consent for the enterprise's business license, the certificate issued in the
 * enterprise's name and printed with the acting person masked. The centre's refusals come back
 * as the kiosk's words and the person may choose again. Printing goes to a list here (the A4
 * printer is CUPS, exercised by the printing tests).
 */
class EnterpriseTransactionCentralTest {
    private static final String SOCIAL_INSURANCE = "12150200MB1C47725K200201000001";
    private static final String LUCHENG = "91150203MA0N7LC8XD";
    private static final String RARE_EARTH = "91150200MA0Q2XT315";
    private static final String DEREGISTERED = "92150203MA0X6J2G7H";

    @TempDir
    Path data;
    CentralSimulator central;

    @BeforeEach
    void start() throws Exception {
        central = CentralSimulator.builder().https(false).start();
    }

    @AfterEach
    void stop() {
        central.close();
    }

    /** The real ports with the A4 print-out captured as its template data. */
    private record Capturing(CentralServicePorts real, PrintData printData, List<org.zizhu.kiosk.services.VerifiedDocument> printed) implements ServicePorts {
        @Override
        public Outcome perform(ItemDetail item, Resident resident, boolean consented, String key) throws ServiceException {
            return real.perform(item, resident, consented, key);
        }

        @Override
        public Outcome perform(ItemDetail item, Resident resident, boolean consented, EnterpriseIdentity enterprise, String key)
                throws ServiceException {
            return real.perform(item, resident, consented, enterprise, key);
        }

        @Override
        public VerifiedPerson verifyPerson(Resident resident) throws ServiceException {
            return real.verifyPerson(resident);
        }

        @Override
        public EnterpriseIdentity identifyEnterprise(VerifiedPerson person, org.zizhu.kiosk.flow.EnterpriseChoice choice)
                throws ServiceException {
            return real.identifyEnterprise(person, choice);
        }

        @Override
        public PaymentOrder createPayment(ItemDetail item, String key) throws ServiceException {
            return real.createPayment(item, key);
        }

        @Override
        public PaymentState paymentState(String orderId) throws ServiceException {
            return real.paymentState(orderId);
        }

        @Override
        public void cancelPayment(String orderId) {
            real.cancelPayment(orderId);
        }

        @Override
        public Outcome checkIn(ItemDetail item, Resident resident, String code) throws ServiceException {
            return real.checkIn(item, resident, code);
        }

        @Override
        public void print(ItemDetail item, Resident resident, Outcome outcome) {
            printed.add(((CentralOutcome.Certificate) outcome).document()); // what print() renders, sealed and verified
        }

        @Override
        public void rate(Rating rating) {
        }

        @Override
        public void reportUnresolved(String sessionId, String itemCode, String reasonCode) {
        }
    }

    private Capturing ports(KioskRuntime rt) {
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        CentralServicePorts real = new CentralServicePorts(rt.services(),
                timeout -> { throw new AssertionError("a mobile-app login needs no face"); }, null, new Messages(), clock);
        return new Capturing(real, new PrintData(clock), new ArrayList<>());
    }

    private ServiceFlow flow(KioskRuntime rt, Capturing ports, Visit visit) throws Exception {
        ItemDetail item = CatalogJson.item(central.catalog().item(SOCIAL_INSURANCE).orElseThrow());
        return ServiceFlow.transaction(item, ports, visit, Runnable::run, Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theLegalRepresentativeGetsTheEnterprisesCertificateWithThemselvesAsActing() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            Capturing ports = ports(rt);
            Visit visit = new Visit();
            ServiceFlow f = flow(rt, ports, visit);
            f.qrLogin("QRDEMO-wangjianguo-0001");
            assertEquals(ServiceFlow.Step.ENTERPRISE, f.view().step(), () -> "after the login: " + f.view());
            assertTrue(f.choosingEnterprise());

            // One character off: the check fails, the resident is warned and nothing is sent yet.
            f.enterpriseCodeTyped("91150203MA0N7LC8XC");
            assertEquals("enterprise.checkCharWarning", f.view().messageKey());
            f.enterpriseCodeTyped(LUCHENG);
            assertEquals(ServiceFlow.Step.CONSENT, f.view().step(), () -> "after the enterprise: " + f.view());
            assertEquals(List.of("BUSINESS_LICENSE", "ID_CARD"), f.view().licenseTypes());

            f.consent(true);
            assertEquals(ServiceFlow.Step.DONE, f.view().step(), () -> "after consent: " + f.view());
            assertEquals(1, ports.printed().size());
            var cert = ports.printed().get(0);
            // Sealed by the office and verified against the trust list, in the enterprise's name.
            assertEquals(SOCIAL_INSURANCE.substring(0, 18), cert.bodyCode());
            assertEquals("包头市鹿城智联科技有限公司", cert.content().path("holder").path("name").path("zh").asText(), "in the enterprise's name");
            assertEquals(LUCHENG, cert.content().path("holder").path("creditCode").asText());
            assertEquals("LEGAL_REPRESENTATIVE", cert.content().path("actingPerson").path("role").asText());
            assertEquals("1502**********0016", cert.content().path("actingPerson").path("maskedIdNumber").asText());

            visit.end("test");
            assertEquals(List.of(), central.contractViolations());
        }
    }

    @Test
    void refusalsAreSaidInTheResidentsWordsAndAnotherEnterpriseMayBeChosen() throws Exception {
        try (KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data))) {
            Capturing ports = ports(rt);
            ServiceFlow f = flow(rt, ports, new Visit());
            Messages m = new Messages();
            f.qrLogin("QRDEMO-lixiuying-00002");
            assertEquals(ServiceFlow.Step.ENTERPRISE, f.view().step(), () -> "after the login: " + f.view());

            f.enterpriseCodeTyped(DEREGISTERED);
            assertEquals("enterprise.refused", f.view().messageKey());
            assertEquals(m.get(Language.ZH, "enterprise.refused.ENTERPRISE_DEREGISTERED"), f.view().centralMessage().in(Language.ZH));

            f.enterpriseCodeTyped(RARE_EARTH);
            assertEquals(m.get(Language.EN, "enterprise.refused.NO_AUTHORITY"), f.view().centralMessage().in(Language.EN));

            String unknown = "91150203MA0N7LC8Y" + checkChar("91150203MA0N7LC8Y");
            f.enterpriseCodeTyped(unknown);
            assertEquals(m.get(Language.ZH, "enterprise.refused.ENTERPRISE_UNKNOWN"), f.view().centralMessage().in(Language.ZH));

            // She is an agent of 鹿城 with an authorisation in date: that one goes through.
            f.enterpriseCodeTyped(LUCHENG);
            assertEquals(ServiceFlow.Step.CONSENT, f.view().step(), () -> "an agent in date: " + f.view());
            f.consent(true);
            assertEquals(ServiceFlow.Step.DONE, f.view().step(), () -> "after consent: " + f.view());
            assertEquals("AGENT", ports.printed().get(0).content().path("actingPerson").path("role").asText());
            assertEquals(List.of(), central.contractViolations());
        }
    }

    private static char checkChar(String first17) {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (org.zizhu.ids.IdChecks.validCreditCode(first17 + c)) {
                return c;
            }
        }
        throw new AssertionError();
    }
}
