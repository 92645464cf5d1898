package org.zizhu.device.idcard.sim;

import java.io.IOException;
import org.zizhu.device.idcard.IdCardListener;
import org.zizhu.device.idcard.IdCardReader;
import org.zizhu.device.idcard.IdCardReaderConfig;

/**
 * The simulated-mode factory: the real reader driver on the near end of a socat pty pair, the
 * {@link SamSimulator} speaking the SAM protocol on the far end. The kiosk's production code gets
 * only {@link #reader()}; {@link #controls()} (place a card, inject faults) goes to the demo
 * console and tests, so no production path can depend on a simulator.
 */
public record SimulatedIdCard(IdCardReader reader, SamSimulator controls) implements AutoCloseable {
    /**
     * Starts the simulator at the config's baud and the reader on it. The config is the same one
     * a real reader takes; its port is replaced by the simulator's pty.
     */
    public static SimulatedIdCard open(IdCardReaderConfig config, IdCardListener listener) throws IOException {
        SamSimulator sim = SamSimulator.startOnPtyPair(config.baud());
        try {
            IdCardReaderConfig onSimulator = config.toBuilder().portPath(sim.hostPortPath()).build();
            return new SimulatedIdCard(IdCardReader.open(onSimulator, listener), sim);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** Closes the reader first (so it does not report the simulator's going as a lost port), then the simulator. */
    @Override
    public void close() {
        reader.close();
        controls.close();
    }
}
