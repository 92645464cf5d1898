package org.zizhu.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.idcard.sim.SimulatedIdCard;
import org.zizhu.device.idcard.sim.TestCards;

/** The simulated-mode factory: the real driver on the simulator, controls apart. Needs socat. */
class SimulatedIdCardTest {
    @Test
    void theReaderReadsWhatTheControlsPlaceAndTheConfiguredPortIsTheSimulators() throws Exception {
        EventRecorder rec = new EventRecorder();
        IdCardReaderConfig config = IdCardReaderConfig.builder().portPath("/dev/serial/by-id/usb-not-here")
                .baud(SamBaud.B57600).build();
        try (SimulatedIdCard sim = SimulatedIdCard.open(config, rec)) {
            IdCardReader reader = sim.reader();
            rec.watch(reader.tracker());
            rec.awaitStatus(reader.tracker(), DeviceStatus.ONLINE, 5000);
            assertNotEquals(config.portPath(), reader.config().portPath());
            assertEquals(sim.controls().hostPortPath(), reader.config().portPath());
            assertEquals(SamBaud.B57600, reader.config().baud());
            assertEquals("idcard", reader.id());

            sim.controls().placeCard(TestCards.RARE_NAME);
            IdCardEvent.IdentityRead read = rec.next(IdCardEvent.IdentityRead.class, 10_000);
            assertNotNull(read, "identity read");
            assertEquals("刘䶮", read.identity().name());
            read.identity().wipe();
        }
    }
}
