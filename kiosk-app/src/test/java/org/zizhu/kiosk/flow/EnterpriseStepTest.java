package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.flow.TransactionFlow.ChoosingEnterprise;
import org.zizhu.kiosk.flow.TransactionFlow.IdentifyingEnterprise;
import org.zizhu.kiosk.flow.TransactionFlow.Perform;
import org.zizhu.kiosk.flow.TransactionFlow.VerifyingPerson;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;

/** The enterprise step of the transaction (企业一码), the transition function alone. */
class EnterpriseStepTest {
    private static final String VALID = "91150203MA0N7LC8XD";
    private static final String CHECK_FAILS = "91150203MA0N7LC8XC";

    private final Resident resident = new Resident("王建国", "150202198503120016", Resident.Source.ID_CARD, null);
    private final ServicePorts.VerifiedPerson person = new ServicePorts.VerifiedPerson() {
        @Override
        public void wipe() {
        }
    };

    private static Facts enterpriseFacts(List<String> types, boolean visitEnded) {
        return new Facts("E1", "visit-1", ServiceTransitionsTest.TODAY, visitEnded, types, 0, ServiceTransitionsTest.MESSAGES, true);
    }

    private static EnterpriseIdentity enterprise() {
        return new EnterpriseIdentity(VALID, "包头市鹿城智联科技有限公司", "Lucheng", "LIMITED_LIABILITY_COMPANY", "有限责任公司",
                EnterpriseIdentity.Role.LEGAL_REPRESENTATIVE, null, true, "ET-token-0123456789", "RT-token-0123456789",
                Instant.parse("2026-11-25T10:00:00Z"));
    }

    private ChoosingEnterprise choosing() {
        Next n = TransactionFlow.next(new VerifyingPerson(resident, new Perform(false, false, 0)),
                new ServiceEvent.PersonVerified(person), enterpriseFacts(List.of("BUSINESS_LICENSE"), false));
        return assertInstanceOf(ChoosingEnterprise.class, n.state());
    }

    @Test
    void anEnterpriseItemVerifiesThePersonBeforeAnythingElse() {
        Next n = TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.Identified(resident, null),
                enterpriseFacts(List.of("BUSINESS_LICENSE", "ID_CARD"), false));
        assertEquals(new VerifyingPerson(resident, new Perform(false, false, 0)), n.state());
        assertEquals(new Effect.Hold(resident), n.effects().get(0));
        assertTrue(n.effects().contains(new Effect.VerifyPerson(resident)), n.effects().toString());

        // A person's item goes straight to consent as before.
        Next person = TransactionFlow.next(TransactionFlow.INITIAL, new ServiceEvent.Identified(resident, null),
                ServiceTransitionsTest.facts(List.of("ID_CARD"), 0, false));
        assertInstanceOf(TransactionFlow.Consent.class, person.state());
    }

    @Test
    void onceVerifiedThePersonChoosesTheEnterpriseAndTheVerificationIsTheVisits() {
        Next n = TransactionFlow.next(new VerifyingPerson(resident, new Perform(false, false, 0)),
                new ServiceEvent.PersonVerified(person), enterpriseFacts(List.of(), false));
        ChoosingEnterprise c = assertInstanceOf(ChoosingEnterprise.class, n.state());
        assertEquals("enterprise.choose", c.messageKey());
        assertTrue(n.effects().contains(new Effect.Hold(person)));
        assertEquals(ServiceFlow.Step.ENTERPRISE, Views.of(c, "E1").step());

        // Verified after the visit ended: nothing goes on, the centre's session is dropped.
        Next late = TransactionFlow.next(new VerifyingPerson(resident, new Perform(false, false, 0)),
                new ServiceEvent.PersonVerified(person), enterpriseFacts(List.of(), true));
        assertEquals(List.of(new Effect.Wipe(person)), late.effects());
    }

    @Test
    void aScannedQrCodeGoesToTheCentreAsItIs() {
        Next n = TransactionFlow.next(choosing(), new ServiceEvent.EnterpriseQrScanned("ZZEBL1:whatever"), enterpriseFacts(List.of(), false));
        assertInstanceOf(IdentifyingEnterprise.class, n.state());
        assertEquals(List.of(new Effect.IdentifyEnterprise(person, new EnterpriseChoice.Scanned("ZZEBL1:whatever"))), n.effects());
    }

    @Test
    void aTypedCodeWithTheRightCheckCharacterIsSentNormalised() {
        Next n = TransactionFlow.next(choosing(), new ServiceEvent.EnterpriseCodeTyped(" 91150203ma0n7lc8xd "),
                enterpriseFacts(List.of(), false));
        assertInstanceOf(IdentifyingEnterprise.class, n.state());
        assertEquals(List.of(new Effect.IdentifyEnterprise(person, new EnterpriseChoice.Typed(VALID))), n.effects());
    }

    @Test
    void aCodeFailingItsCheckCharacterWarnsAndIsSentOnlyWhenConfirmed() {
        Next warned = TransactionFlow.next(choosing(), new ServiceEvent.EnterpriseCodeTyped(CHECK_FAILS), enterpriseFacts(List.of(), false));
        ChoosingEnterprise w = assertInstanceOf(ChoosingEnterprise.class, warned.state());
        assertEquals("enterprise.checkCharWarning", w.messageKey());
        assertEquals(CHECK_FAILS, w.unconfirmedCode());
        assertFalse(warned.effects().stream().anyMatch(e -> e instanceof Effect.IdentifyEnterprise), "not sent before confirming");
        assertEquals(CHECK_FAILS, Views.of(w, "E1").reference(), "shown back for the resident to check");

        Next sent = TransactionFlow.next(w, new ServiceEvent.EnterpriseCodeConfirmed(), enterpriseFacts(List.of(), false));
        assertInstanceOf(IdentifyingEnterprise.class, sent.state());
        assertEquals(List.of(new Effect.IdentifyEnterprise(person, new EnterpriseChoice.Typed(CHECK_FAILS))), sent.effects());

        // Nothing to confirm without a warned code.
        assertTrue(TransactionFlow.next(choosing(), new ServiceEvent.EnterpriseCodeConfirmed(), enterpriseFacts(List.of(), false)).ignored());
    }

    @Test
    void aCodeThatCannotBeOneStaysWithAMessage() {
        for (String bad : List.of("", "9115020", "91150203MA0N7LC8XDX", "91150203MA0N7LC8XO", "91150203MA0N7LC8X!")) {
            Next n = TransactionFlow.next(choosing(), new ServiceEvent.EnterpriseCodeTyped(bad), enterpriseFacts(List.of(), false));
            ChoosingEnterprise c = assertInstanceOf(ChoosingEnterprise.class, n.state(), bad);
            assertEquals("enterprise.codeMalformed", c.messageKey(), bad);
            assertNull(c.unconfirmedCode());
        }
    }

    @Test
    void theIdentifiedEnterpriseIsHeldAndTheConsentIsForIt() {
        EnterpriseIdentity e = enterprise();
        Next n = TransactionFlow.next(new IdentifyingEnterprise(resident, person, new Perform(false, false, 0)),
                new ServiceEvent.EnterpriseIdentified(e), enterpriseFacts(List.of("BUSINESS_LICENSE", "ID_CARD"), false));
        assertEquals(new TransactionFlow.Consent(resident, List.of("BUSINESS_LICENSE", "ID_CARD"), e), n.state());
        assertEquals(new Effect.Hold(e), n.effects().get(0), "the enterprise is the visit's before anything else");

        Next agreed = TransactionFlow.next(n.state(), new ServiceEvent.ConsentGiven(true), enterpriseFacts(List.of("BUSINESS_LICENSE"), false));
        assertTrue(agreed.effects().contains(new Effect.Perform(resident, true, e)), agreed.effects().toString());
    }

    @Test
    void aRefusalSaysWhyAndLetsThePersonChooseAgain() {
        Text why = Text.of(ServiceTransitionsTest.MESSAGES, "enterprise.refused.AUTHORISATION_EXPIRED");
        Next n = TransactionFlow.next(new IdentifyingEnterprise(resident, person, new Perform(false, false, 0)),
                new ServiceEvent.EnterpriseRefused("AUTHORISATION_EXPIRED", why, false), enterpriseFacts(List.of(), false));
        ChoosingEnterprise c = assertInstanceOf(ChoosingEnterprise.class, n.state());
        assertEquals("enterprise.refused", c.messageKey());
        assertEquals(why, c.message());
        assertEquals(why, Views.of(c, "E1").centralMessage());
        assertTrue(n.effects().contains(new Effect.Log(false, "enterprise-refused", false)));
        // The person may try another enterprise at once.
        assertInstanceOf(IdentifyingEnterprise.class, TransactionFlow.next(c, new ServiceEvent.EnterpriseCodeTyped(VALID),
                enterpriseFacts(List.of(), false)).state());
    }

    @Test
    void aRetryAfterAFailedVerificationVerifiesAgainAndNeverActsForThePersonInstead() {
        Next failed = TransactionFlow.next(new VerifyingPerson(resident, new Perform(false, false, 0)),
                new ServiceEvent.WorkFailed("verify", null, true), enterpriseFacts(List.of(), false));
        ServiceState.Failed f = assertInstanceOf(ServiceState.Failed.class, failed.state());
        Next retry = TransactionFlow.next(f, new ServiceEvent.Retry(), enterpriseFacts(List.of(), false));
        assertInstanceOf(VerifyingPerson.class, retry.state());
        assertFalse(retry.effects().stream().anyMatch(e -> e instanceof Effect.Perform));
    }

    @Test
    void theEnterpriseIdentityHoldsNoPersonalDataInToStringAndIsWiped() {
        EnterpriseIdentity e = enterprise();
        assertFalse(e.toString().contains(VALID));
        assertFalse(e.toString().contains("鹿城"));
        e.wipe();
        assertTrue(e.wiped());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, e::creditCode);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, e::enterpriseToken);
    }

    @Test
    void codeChecksFollowGb32100() {
        assertEquals(EnterpriseChoice.CodeCheck.VALID, EnterpriseChoice.check(VALID));
        assertEquals(EnterpriseChoice.CodeCheck.CHECK_CHAR_FAILS, EnterpriseChoice.check(CHECK_FAILS));
        assertEquals(EnterpriseChoice.CodeCheck.MALFORMED, EnterpriseChoice.check("91150203MA0N7LC8XI"));
    }
}
