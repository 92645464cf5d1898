package org.zizhu.device.smartcard.sim;

import java.io.IOException;
import java.util.regex.Pattern;
import org.zizhu.device.smartcard.SmartCardConfig;
import org.zizhu.device.smartcard.SmartCardReader;
import org.zizhu.device.smartcard.technician.IssuerTrust;

/**
 * The simulated-mode factory: the real PC/SC reader driver watching pcscd's first virtual reader
 * (vpcd, "Virtual PCD 00 00"), with cards played from inside the JVM. The kiosk's production code
 * gets only {@link #reader()} (and {@link #issuerTrust()}, the demo issuer); {@link #controls()}
 * insert and remove cards for the demo console and tests. Needs a running pcscd with vpcd
 * ({@code scripts/stacks/pcscd.sh start}).
 */
public record SimulatedSmartCard(SmartCardReader reader, Controls controls) implements AutoCloseable {
    /** The vpcd reader simulated cards are inserted into. */
    public static final String VIRTUAL_READER = "Virtual PCD 00 00";

    /**
     * Starts the reader on the virtual reader. The config is the same one a real reader takes;
     * its reader-name pattern is replaced by the virtual reader's.
     */
    public static SimulatedSmartCard open(SmartCardConfig config) {
        SmartCardReader reader = SmartCardReader.open(config.toBuilder().readerNamePattern(Pattern.quote(VIRTUAL_READER)).build());
        return new SimulatedSmartCard(reader, new Controls());
    }

    /** Whom simulated technician cards are issued by: the demo issuer of {@link DemoCards}. */
    public IssuerTrust issuerTrust() {
        return DemoCards.demoIssuerTrust();
    }

    @Override
    public void close() {
        controls.close();
        reader.close();
    }

    /** A hand at the virtual reader: inserts and removes cards. */
    public static final class Controls implements AutoCloseable {
        private VirtualCardConnection slot;

        Controls() {
        }

        /** Inserts a demo technician card (PIN {@link DemoCards#DEMO_PIN}). */
        public void insertTechnicianCard() throws IOException {
            insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
        }

        public synchronized void insert(CardApplet card) throws IOException {
            if (slot == null) {
                slot = VirtualCardConnection.vpcd(0);
            }
            slot.insert(card);
        }

        /** Takes the card out; nothing happens if there is none. */
        public synchronized void remove() {
            if (slot != null) {
                slot.remove();
            }
        }

        @Override
        public synchronized void close() {
            if (slot != null) {
                slot.close();
                slot = null;
            }
        }
    }
}
