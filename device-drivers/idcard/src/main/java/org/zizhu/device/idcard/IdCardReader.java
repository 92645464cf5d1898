package org.zizhu.device.idcard;

import java.util.Optional;
import org.zizhu.device.Device;

/**
 * The resident ID card reader as the kiosk sees it: card-placed, identity-read, read-failed and
 * card-removed events to {@link IdCardListener}s, plus the common device status (see
 * {@link IdCardFault} for the reasons). {@link #open} is the real reader on a SAM module;
 * {@link org.zizhu.device.idcard.sim.SimulatedIdCard} the same reader on the SAM simulator.
 */
public interface IdCardReader extends Device {
    /** The real reader: polls the configured port in the background, connects and reconnects by itself. */
    static IdCardReader open(IdCardReaderConfig config) {
        return SamIdCardReader.open(config, null);
    }

    /** As {@link #open(IdCardReaderConfig)}, with a listener registered before the first poll. */
    static IdCardReader open(IdCardReaderConfig config, IdCardListener listener) {
        return SamIdCardReader.open(config, listener);
    }

    IdCardReaderConfig config();

    void addListener(IdCardListener l);

    void removeListener(IdCardListener l);

    /** The SAM id once the reader has answered. */
    Optional<SamId> samId();

    /** True while a card is in the field. */
    boolean cardPresent();
}
