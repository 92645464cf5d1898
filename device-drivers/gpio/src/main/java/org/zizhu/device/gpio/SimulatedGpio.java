package org.zizhu.device.gpio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The simulated-mode factory: the real GPIO driver on Pi4J's mock provider. The kiosk's
 * production code gets only {@link #gpio()}; {@link #controls()} (press help, open the door,
 * heat the CPU) go to the demo console and tests.
 */
public record SimulatedGpio(Gpio gpio, GpioSimulator controls) implements AutoCloseable {
    /** Default pin map, temperature and door position kept in {@code dir} (see {@link GpioSimulator#open(Path, GpioScheduler)}). */
    public static SimulatedGpio open(Path dir, GpioScheduler scheduler) throws IOException {
        GpioSimulator sim = GpioSimulator.open(dir, scheduler);
        return new SimulatedGpio(sim.controller(), sim);
    }

    @Override
    public void close() {
        controls.close();
    }
}
