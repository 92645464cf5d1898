package org.zizhu.device.smartcard;

import java.util.Optional;
import org.zizhu.device.Device;
import org.zizhu.device.DeviceStatus;

/**
 * The kiosk's PC/SC reader. {@link #open} starts watching: status
 * ({@link DeviceStatus#ONLINE} while the reader is there and pcscd answers,
 * {@link DeviceStatus#NO_DEVICE} while no reader matches, {@link DeviceStatus#OFFLINE} while
 * pcscd is unreachable; back to ONLINE by itself; reasons in {@link SmartCardFault}) and card
 * insertion/removal events. Simulated mode is the same reader on pcscd's virtual reader
 * ({@link org.zizhu.device.smartcard.sim.SimulatedSmartCard}).
 */
public interface SmartCardReader extends Device {
    /** The real reader: watches the first reader whose name matches the configured pattern. */
    static SmartCardReader open(SmartCardConfig config) {
        return PcscSmartCardReader.open(config);
    }

    SmartCardConfig config();

    /** The matched reader's name, if one is present now. */
    Optional<String> readerName();

    /** True when the monitor last saw a card in the reader. */
    boolean cardPresent();

    /** ATR of the present card as upper-case hex, empty if none or unknown. */
    String atrHex();

    void addCardListener(CardListener listener);

    void removeCardListener(CardListener listener);

    /**
     * Connects to the card in the reader. Throws NO_READER, NO_CARD, SERVICE_UNAVAILABLE,
     * TIMEOUT or PCSC_ERROR with a message fit for a technician.
     */
    CardSession openSession() throws SmartCardException;

    /** Stops the monitor thread; idempotent. */
    @Override
    void close();
}
