package org.zizhu.device.smartcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.internal.Tlv;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.Fault;
import org.zizhu.device.smartcard.sim.SocialSecurityCardApplet;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.device.smartcard.sscard.AssumedLayoutSocialSecurityCardReader;
import org.zizhu.device.smartcard.sscard.SocialSecurityCardInfo;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;

/** Reader discovery, events, sessions and the social-security card over real pcscd + vpcd. */
class ReaderPcscTest {
    private static VpcdRig rig;

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

    @Test
    void insertionAndRemovalAreEventsWithTheAtr() throws Exception {
        rig.events.clear();
        rig.slot.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        CardEvent in = rig.events.poll(3, TimeUnit.SECONDS);
        assertNotNull(in, "no INSERTED event within 3 s");
        assertEquals(CardEvent.Kind.INSERTED, in.kind());
        assertEquals(PcscdStack.READER, in.readerName());
        assertEquals("3B8A80015A495A48552D5445434868", in.atrHex());
        assertTrue(rig.reader.cardPresent());
        assertEquals(in.atrHex(), rig.reader.atrHex());
        assertEquals(PcscdStack.READER, rig.reader.readerName().orElseThrow());

        rig.slot.remove();
        CardEvent out = rig.events.poll(3, TimeUnit.SECONDS);
        assertNotNull(out, "no REMOVED event within 3 s");
        assertEquals(CardEvent.Kind.REMOVED, out.kind());
        assertFalse(rig.reader.cardPresent());
        assertEquals(DeviceStatus.ONLINE, rig.reader.status());
    }

    @Test
    void sessionsExchangeApdusAndBreakAfterAFailure() throws Exception {
        rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        try (CardSession s = rig.reader.openSession()) {
            assertEquals("3B8A80015A495A48552D5445434868", Hex.of(s.atr()));
            assertEquals(StatusWord.INS_NOT_SUPPORTED, s.transmit(CommandApdu.of(0, 0xCA, 0x7F, 0x21, new byte[0], 256)).statusWord());
            assertEquals(StatusWord.FILE_NOT_FOUND, s.transmit(CommandApdu.selectAid(new byte[] {(byte) 0xA0, 0, 0, 0, 1})).statusWord());
            assertEquals(StatusWord.CLA_NOT_SUPPORTED, s.transmit(CommandApdu.of(0x80, 0xCA, 0, 0)).statusWord());
            rig.slot.addFault(VirtualCardConnection.ANY_INS, Fault.delay(Duration.ofMillis(1200)), 1);
            SmartCardException timeout = assertThrows(SmartCardException.class, () -> s.transmit(CommandApdu.of(0, 0xB0, 0, 0)));
            assertEquals(SmartCardException.Reason.TIMEOUT, timeout.reason());
            SmartCardException closed = assertThrows(SmartCardException.class, () -> s.transmit(CommandApdu.of(0, 0xB0, 0, 0)));
            assertEquals(SmartCardException.Reason.SESSION_CLOSED, closed.reason());
        }
        Thread.sleep(600); // let the slow answer drain
        try (CardSession s = rig.reader.openSession()) {
            assertTrue(s.transmit(org.zizhu.device.smartcard.technician.TechnicianCardProtocol.select()).isSuccess());
        }
    }

    @Test
    void socialSecurityCardPublicDataIsReadMasked() throws Exception {
        rig.insert(new SocialSecurityCardApplet("B98765432", "110105", LocalDate.of(2022, 5, 1), LocalDate.of(2032, 4, 30)));
        try (CardSession s = rig.reader.openSession()) {
            SocialSecurityCardInfo info = new AssumedLayoutSocialSecurityCardReader().read(s);
            assertEquals("B9******2", info.maskedCardNumber());
            assertEquals("110105", info.regionCode());
            assertEquals(LocalDate.of(2022, 5, 1), info.issueDate());
            assertEquals(LocalDate.of(2032, 4, 30), info.expiryDate());
            assertTrue(info.validOn(LocalDate.of(2025, 1, 1)));
            assertFalse(info.toString().contains("98765"));
        }
    }

    @Test
    void malformedOrForeignSocialSecurityDataIsATypedError() throws Exception {
        byte[] good = Tlv.concat(Tlv.encode(0x04, "440300".getBytes()), Tlv.encode(0x05, Hex.parse("20200101")),
                Tlv.encode(0x06, Hex.parse("20300101")), Tlv.encode(0x07, "A12345678".getBytes()));
        byte[][] bad = {
            java.util.Arrays.copyOf(good, good.length - 3),                      // TLV cut short
            Tlv.concat(Tlv.encode(0x04, "44A300".getBytes()), java.util.Arrays.copyOfRange(good, 8, good.length)), // region not digits
            Tlv.concat(java.util.Arrays.copyOf(good, 8), Tlv.encode(0x05, Hex.parse("20201301")),
                    java.util.Arrays.copyOfRange(good, 14, good.length)),         // month 13
            java.util.Arrays.copyOf(good, 20),                                     // card number missing
        };
        for (byte[] ef : bad) {
            rig.insert(SocialSecurityCardApplet.withRawFile(ef));
            try (CardSession s = rig.reader.openSession()) {
                SmartCardException e = assertThrows(SmartCardException.class, () -> new AssumedLayoutSocialSecurityCardReader().read(s));
                assertEquals(SmartCardException.Reason.MALFORMED_RESPONSE, e.reason(), e.getMessage());
                assertFalse(e.getMessage().contains("A12345678"));
            }
            rig.remove();
        }
        rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        try (CardSession s = rig.reader.openSession()) {
            ApduStatusException e = assertThrows(ApduStatusException.class, () -> new AssumedLayoutSocialSecurityCardReader().read(s));
            assertEquals(StatusWord.FILE_NOT_FOUND, e.statusWord());
        }
    }

    @Test
    void noPinNoTechnicianIdNoCardNumberInTheLogs() throws Exception {
        Logger events = (Logger) LoggerFactory.getLogger("zizhu.events");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        events.addAppender(captured);
        try {
            TechnicianCardAuthenticator auth = new TechnicianCardAuthenticator(DemoCards.demoIssuerTrust());
            rig.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
            assertFalse(auth.authenticate(rig.reader, "654321".toCharArray()).success());
            assertTrue(auth.authenticate(rig.reader, DemoCards.DEMO_PIN.toCharArray()).success());
            rig.remove();
            rig.insert(DemoCards.create(DemoCards.Kind.SSCARD));
            try (CardSession s = rig.reader.openSession()) {
                new AssumedLayoutSocialSecurityCardReader().read(s);
            }
            StringBuilder all = new StringBuilder();
            for (ILoggingEvent e : captured.list) {
                all.append(e.getFormattedMessage()).append(' ').append(e.getKeyValuePairs()).append('\n');
            }
            String text = all.toString();
            assertTrue(text.contains("smartcard-technician-login"), text);
            assertTrue(text.contains("smartcard-sscard-read"), text);
            for (String secret : new String[] {"123456", "654321", "313233343536", "T-0001", "A12345678"}) {
                assertFalse(text.contains(secret), "log contains " + secret + ":\n" + text);
            }
        } finally {
            events.detachAppender(captured);
        }
    }

    @Test
    void aPatternMatchingNoReaderIsNoDevice() throws Exception {
        try (PcscSmartCardReader none = PcscSmartCardReader.open(SmartCardConfig.builder()
                .deviceId("smartcard-missing").readerNamePattern("^No Such Reader$").pollInterval(Duration.ofMillis(50)).build())) {
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> none.status() == DeviceStatus.NO_DEVICE);
            assertEquals("no-matching-reader", none.tracker().detail());
            assertEquals(SmartCardFault.NO_MATCHING_READER, none.tracker().fault());
            SmartCardException e = assertThrows(SmartCardException.class, none::openSession);
            assertEquals(SmartCardException.Reason.NO_READER, e.reason());
            assertTrue(none.readerName().isEmpty());
        }
    }
}
