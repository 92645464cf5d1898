package org.zizhu.device.smartcard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.smartcard.sim.CardApplet;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;

/** A started reader on "Virtual PCD 00 00" plus the virtual card slot behind it. */
final class VpcdRig implements AutoCloseable {
    static final Duration APDU_TIMEOUT = Duration.ofMillis(800);

    final PcscSmartCardReader reader;
    final VirtualCardConnection slot;
    final LinkedBlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();

    VpcdRig() {
        PcscdStack.require();
        reader = PcscSmartCardReader.open(SmartCardConfig.builder()
                .readerNamePattern("^" + PcscdStack.READER + "$")
                .pollInterval(Duration.ofMillis(100))
                .apduTimeout(APDU_TIMEOUT)
                .connectTimeout(Duration.ofSeconds(3))
                .reconnectInterval(Duration.ofMillis(200))
                .build());
        slot = VirtualCardConnection.vpcd(PcscdStack.SLOT);
        reader.addCardListener(events::add); // no card is in the slot yet: nothing to miss
        await("reader ONLINE").atMost(Duration.ofSeconds(10)).until(() -> reader.status() == DeviceStatus.ONLINE);
    }

    /** Inserts and waits until the reader has seen the card. */
    void insert(CardApplet card) throws IOException {
        slot.insert(card);
        await("card seen").atMost(Duration.ofSeconds(5)).until(reader::cardPresent);
    }

    void remove() {
        slot.remove();
        slot.clearFaults();
        await("card gone").atMost(Duration.ofSeconds(5)).until(() -> !reader.cardPresent());
        events.clear();
    }

    @Override
    public void close() {
        slot.close();
        reader.close();
    }
}
