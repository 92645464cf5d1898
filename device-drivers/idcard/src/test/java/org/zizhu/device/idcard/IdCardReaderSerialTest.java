package org.zizhu.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.DeviceStatusEvent;
import org.zizhu.device.idcard.sim.PtyPair;
import org.zizhu.device.idcard.sim.SamSimulator;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.device.idcard.sim.TextBlockWriter;

/**
 * The polling reader against the simulator over socat ptys and jSerialComm: card events,
 * failures, silence, unplug (kill socat) and replug on the same link path, stale bytes.
 */
class IdCardReaderSerialTest {
    private static final long WAIT = 3000;

    private SamSimulator sim;
    private IdCardReader reader;
    private final EventRecorder rec = new EventRecorder();

    private IdCardReader open(String path, SamBaud baud) {
        IdCardReaderConfig cfg = IdCardReaderConfig.builder().portPath(path).baud(baud).pollInterval(Duration.ofMillis(20))
                .readTimeout(Duration.ofMillis(400)).retries(1).reconnectInterval(Duration.ofMillis(50)).build();
        reader = IdCardReader.open(cfg, rec);
        rec.watch(reader.tracker());
        return reader;
    }

    private void startAll() throws Exception {
        sim = SamSimulator.startOnPtyPair();
        sim.setPacing(false);
        open(sim.hostPortPath(), SamBaud.B115200);
        rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, WAIT);
    }

    @AfterEach
    void tearDown() {
        if (reader != null) {
            reader.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void everyCardTypeIsPlacedReadAndRemoved() throws Exception {
        startAll();
        assertTrue(reader.samId().isPresent());
        for (TestCards card : TestCards.values()) {
            sim.placeCard(card);
            rec.next(IdCardEvent.CardPlaced.class, WAIT);
            IdCardEvent.IdentityRead read = rec.next(IdCardEvent.IdentityRead.class, WAIT);
            Identity id = read.identity();
            assertEquals(card.cardType(), id.cardType(), card.name());
            assertEquals(card.idNumber(), id.idNumber());
            assertEquals(card.chineseName(), id.name());
            assertEquals(card.englishName(), id.englishName());
            assertEquals(1024, id.photoWlt().length);
            assertTrue(read.timings().bytesExchanged() > 1295);
            assertTrue(reader.cardPresent());
            sim.removeCard();
            rec.next(IdCardEvent.CardRemoved.class, WAIT);
            assertFalse(reader.cardPresent());
            id.wipe();
        }
        assertEquals(DeviceStatus.ONLINE, reader.status());
    }

    @Test
    void expiredAndLongTermCardsAreReportedAsSuch() throws Exception {
        startAll();
        sim.placeCard(TestCards.EXPIRED);
        Identity expired = rec.next(IdCardEvent.IdentityRead.class, WAIT).identity();
        assertEquals(ValidityState.EXPIRED, expired.validityOn(LocalDate.of(2026, 1, 1)));
        sim.removeCard();
        rec.next(IdCardEvent.CardRemoved.class, WAIT);
        sim.placeCard(TestCards.LONG_TERM);
        Identity longTerm = rec.next(IdCardEvent.IdentityRead.class, WAIT).identity();
        assertTrue(longTerm.validity().isLongTerm());
    }

    @Test
    void readAndSelectFailuresAreReportedOnceThenAReplacedCardReads() throws Exception {
        startAll();
        for (SamCommand failing : new SamCommand[] {SamCommand.READ_TEXT_AND_PHOTO, SamCommand.SELECT_CARD}) {
            SamStatus st = failing == SamCommand.SELECT_CARD ? SamStatus.SELECT_CARD_FAILED : SamStatus.READ_FAILED;
            sim.failAlways(failing, st);
            sim.placeCard(TestCards.RESIDENT);
            rec.next(IdCardEvent.CardPlaced.class, WAIT);
            IdCardEvent.ReadFailed f = rec.next(IdCardEvent.ReadFailed.class, WAIT);
            assertEquals(st, f.status());
            assertEquals(st.tag(), f.reason());
            assertEquals(DeviceStatus.ONLINE, reader.status(), "a card problem is not a reader fault");
            sim.clearFailures();
            Thread.sleep(100);
            assertNull(rec.events.stream().filter(e -> e instanceof IdCardEvent.IdentityRead).findAny().orElse(null),
                    "no re-read while the same card stays on the reader");
            sim.removeCard();
            rec.next(IdCardEvent.CardRemoved.class, WAIT);
            sim.placeCard(TestCards.RESIDENT);
            assertEquals(TestCards.RESIDENT.idNumber(), rec.next(IdCardEvent.IdentityRead.class, WAIT).identity().idNumber());
            sim.removeCard();
            rec.next(IdCardEvent.CardRemoved.class, WAIT);
        }
    }

    @Test
    void aTransientReadFailureIsRetried() throws Exception {
        startAll();
        sim.failNext(SamCommand.READ_TEXT_AND_PHOTO, SamStatus.READ_FAILED, 1);
        sim.placeCard(TestCards.PERMIT);
        IdCardEvent.IdentityRead r = rec.next(IdCardEvent.IdentityRead.class, WAIT);
        assertEquals(2, r.timings().attempts());
    }

    @Test
    void malformedCardDataIsAReadFailure() throws Exception {
        startAll();
        byte[] text = new TextBlockWriter().putRaw(0, TestCards.RESIDENT.textBlock()).put(122, 36, "110101199003071234").toBytes();
        sim.placeCard(text, new byte[1024], null);
        IdCardEvent.ReadFailed f = rec.next(IdCardEvent.ReadFailed.class, WAIT);
        assertEquals("malformed-card-data", f.reason());
        assertEquals(DeviceStatus.ONLINE, reader.status());
    }

    @Test
    void silentReaderGoesOfflineAndComesBack() throws Exception {
        startAll();
        sim.setSilent(true);
        DeviceStatusEvent off = rec.awaitStatus(reader.tracker(), DeviceStatus.OFFLINE, WAIT);
        assertEquals("timeout", off.detail());
        sim.setSilent(false);
        rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, WAIT);
        sim.placeCard(TestCards.RESIDENT);
        rec.next(IdCardEvent.IdentityRead.class, WAIT);
    }

    @Test
    void garbledRepliesMakeTheReaderOfflineNotCrash() throws Exception {
        startAll();
        sim.corruptNextReplies(1000);
        DeviceStatusEvent off = rec.awaitStatus(reader.tracker(), DeviceStatus.OFFLINE, WAIT);
        assertEquals("corrupt-reply", off.detail());
        sim.corruptNextReplies(0);
        rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, WAIT);
    }

    @Test
    void samSelfTestFailureIsAHardwareError() throws Exception {
        sim = SamSimulator.startOnPtyPair();
        sim.setPacing(false);
        sim.setSamHealth(SamStatus.SAM_SELF_TEST_FAILED);
        open(sim.hostPortPath(), SamBaud.B115200);
        DeviceStatusEvent e = rec.awaitStatus(reader.tracker(), DeviceStatus.HARDWARE_ERROR, WAIT);
        assertEquals("sam-0x60", e.detail());
        sim.setSamHealth(SamStatus.SUCCESS);
        rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, WAIT);
    }

    @Test
    void unplugInTheMiddleOfAReadThenReplugOnTheSameLinkPath() throws Exception {
        // 9600 baud paced: the 1295-byte read reply takes ~1.35 s, so the unplug lands mid-read
        sim = SamSimulator.startOnPtyPair(SamBaud.B9600);
        open(sim.hostPortPath(), SamBaud.B9600);
        rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, WAIT);
        sim.placeCard(TestCards.RESIDENT);
        rec.awaitStatus(reader.tracker(), DeviceStatus.BUSY, WAIT);
        while (sim.received(SamCommand.READ_TEXT_AND_PHOTO) == 0) {
            Thread.sleep(5);
        }
        Thread.sleep(200);
        long t0 = System.nanoTime();
        sim.unplug();
        DeviceStatusEvent lost = rec.awaitStatus(reader.tracker(), DeviceStatus.NO_DEVICE, WAIT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "NO_DEVICE reported " + ms + " ms after the unplug");
        assertTrue(lost == null || lost.detail().equals("port-lost"), String.valueOf(lost));
        IdCardEvent.ReadFailed f = rec.next(IdCardEvent.ReadFailed.class, WAIT);
        assertEquals("port-lost", f.reason());
        rec.next(IdCardEvent.CardRemoved.class, WAIT);
        Thread.sleep(150); // a few reconnect attempts against a missing path
        assertEquals(DeviceStatus.NO_DEVICE, reader.status());

        sim.replug();
        rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, 5000);
        rec.next(IdCardEvent.CardPlaced.class, 5000);
        assertEquals(TestCards.RESIDENT.idNumber(), rec.next(IdCardEvent.IdentityRead.class, 5000).identity().idNumber());
    }

    @Test
    void readerStartedBeforeThePortExistsConnectsWhenItAppears(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("ttyA");
        open(link.toString(), SamBaud.B115200);
        Thread.sleep(120);
        assertEquals(DeviceStatus.NO_DEVICE, reader.status());
        assertEquals("port-not-found", reader.tracker().detail());
        assertEquals(SamLinkException.Reason.PORT_NOT_FOUND, reader.tracker().fault());
        try (PtyPair pty = PtyPair.create(dir); SamSimulator s = SamSimulator.startOnPort(pty.devicePath(), SamBaud.B115200)) {
            s.setPacing(false);
            rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, WAIT);
            s.placeCard(TestCards.FOREIGN_2023);
            assertEquals(CardType.FOREIGN_PERMANENT_2023, rec.next(IdCardEvent.IdentityRead.class, WAIT).identity().cardType());
            reader.close();
        }
        assertFalse(Files.exists(link));
    }

    @Test
    void staleBytesInTheLineBeforeTheFirstCommand() throws Exception {
        sim = SamSimulator.startOnPtyPair();
        sim.setPacing(false);
        // bytes written before the driver holds the port, including a fake preamble with a
        // length that would swallow the first real reply if the driver did not resynchronise
        sim.injectBytes(new byte[] {0x13, 0x37, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, 0x05, 0x08, 0, 0, (byte) 0x90, 1, 2});
        sim.placeCard(TestCards.RARE_NAME);
        open(sim.hostPortPath(), SamBaud.B115200);
        assertEquals("刘䶮", rec.next(IdCardEvent.IdentityRead.class, WAIT).identity().name());
        // and line noise between polls
        sim.injectBytes(new byte[] {(byte) 0xAA, (byte) 0xAA, 0x00, (byte) 0xFF});
        sim.removeCard();
        rec.next(IdCardEvent.CardRemoved.class, WAIT);
        assertEquals(DeviceStatus.ONLINE, reader.status());
    }

    @Test
    void closeStopsTheThreadAndReleasesThePort() throws Exception {
        long before = serialEventThreads();
        startAll();
        assertTrue(serialEventThreads() > before, "the driver listens for port-disconnected events");
        reader.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("idcard-reader") && t.isAlive()),
                "poll thread gone");
        long end = System.currentTimeMillis() + 2000;
        while (serialEventThreads() > before && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(before, serialEventThreads(), "jSerialComm event thread gone");
        // the port is free again: a second reader can open it
        EventRecorder rec2 = new EventRecorder();
        try (IdCardReader again = IdCardReader.open(IdCardReaderConfig.builder().portPath(sim.hostPortPath())
                .pollInterval(Duration.ofMillis(20)).build(), rec2)) {
            rec2.watch(again.tracker());
            rec2.awaitStatus(again.tracker(), DeviceStatus.ONLINE, WAIT);
        }
    }

    /** Live threads running jSerialComm's event loop (one per port with a data listener). */
    private static long serialEventThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive())
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("com.fazecast.jSerialComm")
                        && f.getMethodName().toLowerCase(java.util.Locale.ROOT).contains("event")))
                .count();
    }

    @Test
    void configBuilderBoundsItsValues() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> IdCardReaderConfig.builder().portPath(" "));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> IdCardReaderConfig.builder().portPath("/x").retries(11));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> IdCardReaderConfig.builder().portPath("/x").baud(12345));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IdCardReaderConfig.builder().portPath("/x").pollInterval(Duration.ZERO));
        IdCardReaderConfig c = IdCardReaderConfig.builder().portPath("/dev/serial/by-id/usb-x").baud(57600).retries(0).build();
        assertEquals(SamBaud.B57600, c.baud());
        assertEquals(c.portPath(), c.toBuilder().build().portPath());
        assertEquals(Duration.ofMillis(200), c.pollInterval());
    }

    @Test
    void logsCarryNoPersonalData() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> app = new ListAppender<>();
        app.start();
        root.addAppender(app);
        try {
            startAll();
            for (TestCards card : TestCards.values()) {
                sim.placeCard(card);
                rec.next(IdCardEvent.IdentityRead.class, WAIT);
                sim.removeCard();
                rec.next(IdCardEvent.CardRemoved.class, WAIT);
            }
        } finally {
            root.detachAppender(app);
        }
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : app.list) {
            all.append(e.getFormattedMessage()).append(' ').append(e.getKeyValuePairs()).append('\n');
        }
        String text = all.toString();
        assertTrue(text.contains("idcard-card-read"), "read events are logged");
        assertTrue(text.contains("idcard-card-placed"));
        for (TestCards card : TestCards.values()) {
            assertFalse(text.contains(card.idNumber()), card.name());
            assertFalse(text.contains(card.idNumber().substring(6, 14)), "birth date digits of " + card.name());
            if (!card.chineseName().isEmpty()) {
                assertFalse(text.contains(card.chineseName()), card.name());
            }
            if (!card.englishName().isEmpty()) {
                assertFalse(text.contains(card.englishName()), card.name());
            }
            if (!card.address().isEmpty()) {
                assertFalse(text.contains(card.address()), card.name());
            }
        }
    }
}
