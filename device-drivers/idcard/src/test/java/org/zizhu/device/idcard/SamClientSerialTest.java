package org.zizhu.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zizhu.device.idcard.sim.SamSimulator;
import org.zizhu.device.idcard.sim.TestCards;

/**
 * The wire-level client against the simulator over a real socat pty pair and jSerialComm.
 * Pacing is off here (the protocol, not the speed, is under test); the benchmark paces.
 */
class SamClientSerialTest {
    private static SamSimulator sim;
    private static SamClient client;

    @BeforeAll
    static void start() throws Exception {
        sim = SamSimulator.startOnPtyPair();
        sim.setPacing(false);
        client = SamClient.open(IdCardReaderConfig.builder().portPath(sim.hostPortPath())
                .readTimeout(Duration.ofMillis(300)).retries(1).build(), null);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @AfterEach
    void reset() {
        sim.clearFailures();
        sim.removeCard();
        sim.setSamHealth(SamStatus.SUCCESS);
    }

    @ParameterizedTest
    @EnumSource(TestCards.class)
    void readsEveryCardType(TestCards card) throws Exception {
        sim.placeCard(card);
        assertTrue(client.findCard());
        client.selectCard();
        Identity id = client.readIdentity(false);
        assertEquals(card.cardType(), id.cardType());
        assertEquals(card.idNumber(), id.idNumber());
        assertEquals(card.chineseName(), id.name());
        assertFalse(id.hasFingerprint());
    }

    @Test
    void readsWithFingerprintAndAppendedAddress() throws Exception {
        sim.placeCard(TestCards.RESIDENT);
        sim.setAppendedAddress("北京市朝阳区示例路9号");
        assertTrue(client.findCard());
        client.selectCard();
        Identity id = client.readIdentity(true);
        assertTrue(id.hasFingerprint());
        assertEquals(1024, id.fingerprint().length);
        assertEquals("北京市朝阳区示例路9号", client.readAppendedAddress());
        sim.setAppendedAddress("");
        assertEquals("", client.readAppendedAddress());
    }

    @Test
    void samCommands() throws Exception {
        client.resetSam();
        assertEquals(SamStatus.SUCCESS, client.samStatus());
        SamId id = client.samId();
        assertEquals(32, id.hex().length());
        assertTrue(id.formatted().matches("\\d\\d\\.\\d\\d-\\d{8}-\\d{10}-\\d{10}"), id.formatted());
        sim.setSamHealth(SamStatus.SAM_SELF_TEST_FAILED);
        assertEquals(SamStatus.SAM_SELF_TEST_FAILED, client.samStatus());
        assertEquals(SamStatus.BAD_COMMAND, client.command(0x77, 0x01).status());
    }

    @Test
    void setBaudSwitchesBothEnds() throws Exception {
        // The simulator answers at the old rate and switches just after: a command at the new
        // rate answered proves both ends moved, and only then is the simulator's rate read (read
        // straight after setBaud it raced the switch and failed a full run).
        client.setBaud(SamBaud.B57600);
        assertEquals(SamStatus.SUCCESS, client.samStatus());
        assertEquals(SamBaud.B57600, sim.baud());
        client.setBaud(SamBaud.B115200);
        assertEquals(SamStatus.SUCCESS, client.samStatus());
        assertEquals(SamBaud.B115200, sim.baud());
    }

    @Test
    void noCardIsFalseAndSelectWithoutCardFails() throws Exception {
        assertFalse(client.findCard());
        SamStatusException e = assertThrows(SamStatusException.class, client::selectCard);
        assertEquals(SamStatus.SELECT_CARD_FAILED, e.status());
    }

    @ParameterizedTest
    @EnumSource(value = SamStatus.class, names = {"SUCCESS", "FIND_CARD_SUCCESS", "UNRECOGNISED", "CHECKSUM_ERROR", "LENGTH_ERROR"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyFailureStatusOfAReadIsTyped(SamStatus failure) throws Exception {
        sim.placeCard(TestCards.RESIDENT);
        sim.failNext(SamCommand.READ_TEXT_AND_PHOTO, failure, 1);
        assertTrue(client.findCard());
        client.selectCard();
        SamStatusException e = assertThrows(SamStatusException.class, () -> client.readIdentity(false));
        assertEquals(failure, e.status());
        assertEquals(failure.code(), e.sw3());
        // and the next read works: the failure was one reply, the link is fine
        assertEquals(TestCards.RESIDENT.idNumber(), client.readIdentity(false).idNumber());
    }

    @Test
    void corruptRepliesAreRetriedThenReported() throws Exception {
        sim.corruptNextReplies(1);
        assertEquals(SamStatus.SUCCESS, client.samStatus(), "one corrupt reply, retried");
        sim.corruptNextReplies(5);
        SamLinkException e = assertThrows(SamLinkException.class, client::samStatus);
        assertEquals(SamLinkException.Reason.CORRUPT_REPLY, e.reason());
    }

    @Test
    void truncatedReplyIsRetried() throws Exception {
        sim.placeCard(TestCards.PERMIT);
        assertTrue(client.findCard());
        client.selectCard();
        sim.truncateNextReplies(1, 700);
        assertEquals(TestCards.PERMIT.idNumber(), client.readIdentity(false).idNumber());
    }

    @Test
    void silenceTimesOut() {
        sim.setSilent(true);
        long t0 = System.nanoTime();
        SamLinkException e = assertThrows(SamLinkException.class, client::samStatus);
        assertEquals(SamLinkException.Reason.TIMEOUT, e.reason());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "bounded by timeout x attempts, took " + ms + " ms");
    }

    @Test
    void slowReplyWithinTimeoutIsAccepted() throws Exception {
        sim.setReplyDelay(Duration.ofMillis(60));
        assertEquals(SamStatus.SUCCESS, client.samStatus());
    }

    @Test
    void staleBytesBeforeTheCommandAreIgnored() throws Exception {
        sim.injectBytes(new byte[] {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, 0x05, 0x08, 0x00, 0x00});
        Thread.sleep(20);
        assertEquals(SamStatus.SUCCESS, client.samStatus());
    }

    @Test
    void requestWithBadChecksumIsAnsweredWithStatus10() throws Exception {
        // what a reader says when it receives a damaged frame; the client resends on 0x10
        assertEquals(SamStatus.CHECKSUM_ERROR, SamStatus.fromCode(0x10));
        long before = sim.badChecksumRequests();
        SamReply r = client.command(0x11, 0xFF);
        assertEquals(SamStatus.SUCCESS, r.status());
        assertEquals(before, sim.badChecksumRequests());
    }
}
