package org.zizhu.device.smartcard;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.Fault;
import org.zizhu.device.smartcard.sim.GarbageApplet;
import org.zizhu.device.smartcard.sim.TechnicianCardApplet;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.device.smartcard.technician.EcKeys;
import org.zizhu.device.smartcard.technician.IssuerTrust;
import org.zizhu.device.smartcard.technician.TechnicianAuthResult;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;
import org.zizhu.device.smartcard.technician.TechnicianCardIssuer;
import org.zizhu.device.smartcard.technician.TechnicianCardProtocol;
import org.zizhu.device.smartcard.technician.TechnicianRole;

/** Technician login end to end: jnasmartcardio -> libpcsclite -> pcscd -> vpcd -> virtual card. */
class TechnicianLoginPcscTest {
    private static VpcdRig rig;
    private final TechnicianCardAuthenticator auth = new TechnicianCardAuthenticator(DemoCards.demoIssuerTrust());

    @BeforeAll
    static void start() {
        rig = new VpcdRig();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @AfterEach
    void removeCard() {
        rig.remove();
    }

    private static char[] pin(String s) {
        return s.toCharArray();
    }

    @Test
    void technicianAndOperatorCardsLogIn() throws Exception {
        rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        TechnicianAuthResult r = auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN));
        TechnicianAuthResult.Ok ok = assertInstanceOf(TechnicianAuthResult.Ok.class, r);
        assertEquals("T-0001", ok.technicianId());
        assertEquals(TechnicianRole.TECHNICIAN, ok.role());
        // The Chinese and English screen text is the kiosk's (DeviceReasonTextTest in kiosk-app).
        assertTrue(ok.description().contains("Maintenance mode unlocked"));
        rig.remove();

        rig.insert(DemoCards.create(DemoCards.Kind.OPERATOR));
        ok = assertInstanceOf(TechnicianAuthResult.Ok.class, auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        assertEquals(TechnicianRole.OPERATOR, ok.role());
        assertEquals("OP-0042", ok.technicianId());
    }

    @Test
    void wrongPinCountsDownThenBlocksAndTheCardKeepsItsCounter() throws Exception {
        TechnicianCardApplet card = (TechnicianCardApplet) DemoCards.create(DemoCards.Kind.TECHNICIAN);
        rig.insert(card);
        assertEquals(new TechnicianAuthResult.WrongPin(2), auth.authenticate(rig.reader, pin("0000")));
        assertEquals(new TechnicianAuthResult.WrongPin(1), auth.authenticate(rig.reader, pin("9999")));
        // The right PIN resets the counter.
        assertTrue(auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)).success());
        assertEquals(3, card.triesLeft());
        assertEquals(new TechnicianAuthResult.WrongPin(2), auth.authenticate(rig.reader, pin("1111")));
        assertEquals(new TechnicianAuthResult.WrongPin(1), auth.authenticate(rig.reader, pin("2222")));
        TechnicianAuthResult third = auth.authenticate(rig.reader, pin("3333"));
        assertInstanceOf(TechnicianAuthResult.Blocked.class, third);
        assertTrue(third.description().contains("blocked"));

        // Pull it out and put it back: still blocked, even with the right PIN.
        rig.remove();
        rig.insert(card);
        assertInstanceOf(TechnicianAuthResult.Blocked.class, auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        assertEquals(0, card.triesLeft());
        // Wrong-PIN outcomes carry the count (both screen languages: DeviceReasonTextTest in kiosk-app).
        assertEquals("Wrong PIN. 1 try left.", new TechnicianAuthResult.WrongPin(1).description());
    }

    @Test
    void blockedCardIsBlocked() throws Exception {
        rig.insert(DemoCards.create(DemoCards.Kind.BLOCKED));
        assertInstanceOf(TechnicianAuthResult.Blocked.class, auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
    }

    @Test
    void cardFromAnUntrustedIssuerIsForgedAndNeverSeesThePin() throws Exception {
        VirtualCardConnection slot = rig.slot;
        rig.insert(DemoCards.create(DemoCards.Kind.FORGED));
        long before = slot.commandCount();
        TechnicianAuthResult r = auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN));
        assertInstanceOf(TechnicianAuthResult.Forged.class, r);
        assertEquals(2, slot.commandCount() - before, "SELECT and GET DATA only: no VERIFY sent to an untrusted card");
    }

    @Test
    void copiedCertificateWithoutTheCardKeyFailsTheChallengeAndNeverSeesThePin() throws Exception {
        // A genuine certificate (cloned from a real card) on a chip holding a different key.
        TechnicianCardIssuer.IssuedCard genuine = DemoCards.demoIssuer().issue("T-0001", TechnicianRole.TECHNICIAN,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        RecordingApplet clone = new RecordingApplet(new TechnicianCardApplet("clone", EcKeys.generate().getPrivate(),
                genuine.certificate(), pin(DemoCards.DEMO_PIN), 3));
        rig.insert(clone);
        TechnicianAuthResult.Forged f = assertInstanceOf(TechnicianAuthResult.Forged.class,
                auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        assertEquals("challenge signature invalid", f.detail());

        // The clone's certificate passes every check, so only the challenge can stop it, and it
        // must stop it before the PIN leaves the kiosk: a clone is exactly the card that would
        // harvest technicians' PINs.
        assertEquals(List.of(TechnicianCardProtocol.INS_SELECT, TechnicianCardProtocol.INS_GET_DATA,
                        TechnicianCardProtocol.INS_INTERNAL_AUTHENTICATE), clone.instructions(),
                "the clone receives SELECT, GET DATA and the challenge, nothing else");
        assertFalse(clone.instructions().contains(TechnicianCardProtocol.INS_VERIFY), "no VERIFY reached the clone");
        assertFalse(clone.anyCommandContains(DemoCards.DEMO_PIN.getBytes(StandardCharsets.US_ASCII)),
                "the PIN's digits reached the clone");
        assertFalse(clone.anyCommandContains(TechnicianCardProtocol.pinBlock(pin(DemoCards.DEMO_PIN))),
                "the PIN block reached the clone");
    }

    @Test
    void anAuthenticCardProvesItsKeyBeforeItIsSentThePin() throws Exception {
        RecordingApplet card = new RecordingApplet(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        rig.insert(card);
        assertTrue(auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)).success());
        List<Integer> ins = card.instructions();
        assertEquals(List.of(TechnicianCardProtocol.INS_SELECT, TechnicianCardProtocol.INS_GET_DATA,
                TechnicianCardProtocol.INS_INTERNAL_AUTHENTICATE, TechnicianCardProtocol.INS_VERIFY,
                TechnicianCardProtocol.INS_INTERNAL_AUTHENTICATE), ins);
        assertEquals(1, ins.stream().filter(i -> i == TechnicianCardProtocol.INS_VERIFY).count(), "the PIN is sent once");
    }

    @Test
    void aStolenCardBehindAShimThatFakesTheVerifyAnswerDoesNotLogIn() throws Exception {
        // The genuine card passes card authentication; the shim answers VERIFY 9000 without
        // the card ever checking a PIN. Only a signature the card gives after its own
        // successful VERIFY shows the PIN was right.
        TechnicianCardApplet stolen = (TechnicianCardApplet) DemoCards.create(DemoCards.Kind.TECHNICIAN);
        RecordingApplet card = new RecordingApplet(new PinFakingShim(stolen));
        rig.insert(card);
        TechnicianAuthResult r = auth.authenticate(rig.reader, pin("0000"));
        assertFalse(r.success(), r.toString());
        assertInstanceOf(TechnicianAuthResult.Forged.class, r);
        assertEquals(3, stolen.triesLeft(), "the genuine card never saw a PIN");
    }

    @Test
    void expiredAndRevokedCardsAreRefused() throws Exception {
        TechnicianCardIssuer.IssuedCard issued = DemoCards.demoIssuer().issue("T-0002", TechnicianRole.TECHNICIAN,
                LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31));
        rig.insert(new TechnicianCardApplet("technician", issued, pin(DemoCards.DEMO_PIN), 3));
        Clock after = Clock.fixed(java.time.Instant.parse("2031-01-01T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
        assertInstanceOf(TechnicianAuthResult.Expired.class,
                new TechnicianCardAuthenticator(DemoCards.demoIssuerTrust(), after).authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        String serial = org.zizhu.device.smartcard.technician.CardCertificate.parse(issued.certificate()).cardSerialHex();
        IssuerTrust withRevocation = IssuerTrust.of(List.of(DemoCards.demoIssuerKeys().getPublic()), Set.of(serial));
        assertInstanceOf(TechnicianAuthResult.Revoked.class,
                new TechnicianCardAuthenticator(withRevocation).authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        assertTrue(auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)).success());
    }

    @Test
    void otherCardsAreNotTechnicianCards() throws Exception {
        rig.insert(DemoCards.create(DemoCards.Kind.SSCARD));
        TechnicianAuthResult.NotATechnicianCard n = assertInstanceOf(TechnicianAuthResult.NotATechnicianCard.class,
                auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        assertTrue(n.detail().contains("6A82"), n.detail());
        assertTrue(n.description().contains("not a maintenance card")); // screen text: DeviceReasonTextTest
    }

    @Test
    void garbageAnswersGiveATypedResultAndTheReaderStaysUsable() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            rig.insert(new GarbageApplet(seed));
            TechnicianAuthResult r = auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN));
            assertFalse(r.success(), "seed " + seed);
            assertTrue(r instanceof TechnicianAuthResult.NotATechnicianCard || r instanceof TechnicianAuthResult.ReaderError,
                    "seed " + seed + ": " + r);
            assertEquals(DeviceStatus.ONLINE, rig.reader.status());
            rig.remove();
        }
        rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        assertTrue(auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)).success());
    }

    @Test
    void truncatedAndGarbledResponsesAreTypedErrors() throws Exception {
        rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        // One byte: not even a status word.
        rig.slot.addFault(TechnicianCardProtocol.INS_GET_DATA, Fault.truncate(1), 1);
        TechnicianAuthResult.ReaderError e = assertInstanceOf(TechnicianAuthResult.ReaderError.class,
                auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        assertEquals(SmartCardException.Reason.MALFORMED_RESPONSE, e.reason());
        // Certificate cut short: its last two bytes are taken as SW -> not a technician card.
        rig.slot.addFault(TechnicianCardProtocol.INS_GET_DATA, Fault.truncate(120), 1);
        assertInstanceOf(TechnicianAuthResult.NotATechnicianCard.class, auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        // Garbage instead of the challenge signature.
        rig.slot.addFault(TechnicianCardProtocol.INS_INTERNAL_AUTHENTICATE, new Fault.Garbage(7), 1);
        TechnicianAuthResult r = auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN));
        assertFalse(r.success(), r.toString());
        assertTrue(r instanceof TechnicianAuthResult.Forged || r instanceof TechnicianAuthResult.ReaderError, r.toString());
        // And the card still works afterwards.
        assertTrue(auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)).success());
    }

    @Test
    void slowCardTimesOutWithoutHoldingTheCaller() throws Exception {
        rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        rig.slot.addFault(TechnicianCardProtocol.INS_GET_DATA, Fault.delay(Duration.ofMillis(1500)), 1);
        long t0 = System.nanoTime();
        TechnicianAuthResult.ReaderError e = assertInstanceOf(TechnicianAuthResult.ReaderError.class,
                auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(SmartCardException.Reason.TIMEOUT, e.reason());
        assertTrue(ms < 1400, "returned after " + ms + " ms; APDU timeout is " + VpcdRig.APDU_TIMEOUT.toMillis());
        // Once the slow answer has drained, a new login works.
        Thread.sleep(1000);
        assertTrue(auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)).success());
    }

    @Test
    void removalMidExchangeIsCardRemovedAndDoesNotCostATry() throws Exception {
        TechnicianCardApplet card = (TechnicianCardApplet) DemoCards.create(DemoCards.Kind.TECHNICIAN);
        rig.insert(card);
        rig.slot.addFault(TechnicianCardProtocol.INS_VERIFY, Fault.removeCard(), 1);
        TechnicianAuthResult.ReaderError e = assertInstanceOf(TechnicianAuthResult.ReaderError.class,
                auth.authenticate(rig.reader, pin("0000")));
        assertEquals(SmartCardException.Reason.CARD_REMOVED, e.reason(), e.detail());
        assertEquals(3, card.triesLeft(), "the card never processed the VERIFY");
        CardEvent removed = rig.events.poll(3, java.util.concurrent.TimeUnit.SECONDS);
        while (removed != null && removed.kind() != CardEvent.Kind.REMOVED) {
            removed = rig.events.poll(3, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertNotNull(removed, "REMOVED event after the card was pulled mid-exchange");
        assertEquals(DeviceStatus.ONLINE, rig.reader.status());
    }

    @Test
    void noCardIsAReaderError() {
        TechnicianAuthResult.ReaderError e = assertInstanceOf(TechnicianAuthResult.ReaderError.class,
                auth.authenticate(rig.reader, pin(DemoCards.DEMO_PIN)));
        assertEquals(SmartCardException.Reason.NO_CARD, e.reason(), e.detail());
        assertEquals("Please insert a maintenance card.", e.description()); // screen text: DeviceReasonTextTest
        assertThrows(IllegalArgumentException.class, () -> auth.authenticate(rig.reader, pin("12")));
    }

    @Test
    void thePinIsWipedAfterUse() throws Exception {
        rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        char[] p = pin(DemoCards.DEMO_PIN);
        assertTrue(auth.authenticate(rig.reader, p).success());
        assertArrayEquals(new char[6], p);
    }
}
