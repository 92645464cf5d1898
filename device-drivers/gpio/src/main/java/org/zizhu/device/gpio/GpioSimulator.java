package org.zizhu.device.gpio;

import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The GPIO simulator: a {@link GpioController} on Pi4J's mock provider plus a temperature file,
 * with the actions a person would do to a real kiosk. The demo uses it in-process:
 *
 * <pre>{@code
 * GpioSimulator sim = GpioSimulator.open(simDir, GpioScheduler.system());
 * GpioController gpio = sim.controller();          // what the app uses, same as on a terminal
 * sim.pressHelp();                                  // a resident presses the help button
 * sim.setTamperOpen(true);                          // someone opens the cabinet door
 * sim.writeTemperature(72.5);                       // the CPU heats up: the fan starts
 * }</pre>
 */
public final class GpioSimulator implements AutoCloseable {
    private final GpioController controller;
    private final GpioScheduler scheduler;
    private final Path thermalFile;
    /** Where the simulated cabinet door keeps its position while the kiosk is off; null: nowhere. */
    private final Path doorFile;

    private GpioSimulator(GpioController controller, GpioScheduler scheduler, Path thermalFile, Path doorFile) {
        this.controller = controller;
        this.scheduler = scheduler;
        this.thermalFile = thermalFile;
        this.doorFile = doorFile;
    }

    /**
     * Default pin map on the mock provider, temperature file {@code dir/temp} starting at 45 °C.
     * The cabinet door keeps its position in {@code dir/door} across restarts, as a real door
     * does while the kiosk is off: a door left open is read open at the next start.
     */
    public static GpioSimulator open(Path dir, GpioScheduler scheduler) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve("temp");
        writeMillidegrees(temp, 45.0);
        Path door = dir.resolve("door");
        GpioConfig config = GpioConfig.builder().provider(GpioConfig.Provider.MOCK).thermalZone(temp).build();
        GpioSimulator sim = new GpioSimulator(GpioController.open(config, scheduler), scheduler, temp, door);
        if (Files.exists(door) && Files.readString(door, StandardCharsets.US_ASCII).strip().equals("open")) {
            sim.drive(PinRole.TAMPER, true);
        }
        return sim;
    }

    /** @throws IllegalArgumentException unless the config chooses the MOCK provider */
    public static GpioSimulator open(GpioConfig config, GpioScheduler scheduler) {
        if (config.provider() != GpioConfig.Provider.MOCK) {
            throw new IllegalArgumentException("the GPIO simulator needs provider MOCK, not " + config.provider());
        }
        return new GpioSimulator(GpioController.open(config, scheduler), scheduler, config.thermalZone(), null);
    }

    public GpioController controller() {
        return controller;
    }

    public Path thermalFile() {
        return thermalFile;
    }

    /**
     * A real press: a few bounces, held for three debounce windows, released with a bounce.
     * Returns at once; the scheduler plays it.
     */
    public void pressHelp() {
        Duration d = controller.config().debounce();
        setHelpPressed(true);
        setHelpPressed(false);
        setHelpPressed(true);
        scheduler.schedule(d.multipliedBy(3), () -> {
            setHelpPressed(false);
            setHelpPressed(true);
            setHelpPressed(false);
        });
    }

    public void setHelpPressed(boolean pressed) {
        drive(PinRole.HELP_BUTTON, pressed);
    }

    public void setTamperOpen(boolean open) {
        if (doorFile != null) {
            try {
                Files.writeString(doorFile, open ? "open\n" : "closed\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("simulated door position not saved", e);
            }
        }
        drive(PinRole.TAMPER, open);
    }

    private void drive(PinRole role, boolean active) {
        MockDigitalInput in = (MockDigitalInput) controller.input(role);
        in.mockState(OutputPin.level(active, controller.config().activeLow(role)));
    }

    /** Writes the thermal file as sysfs does (millidegrees) and lets the thermostat read it now. */
    public void writeTemperature(double celsius) throws IOException {
        writeMillidegrees(thermalFile, celsius);
        controller.fan().poll();
    }

    /** Writes arbitrary bytes to the thermal file (a failing sensor driver) and polls. */
    public void writeThermalGarbage(String content) throws IOException {
        Files.writeString(thermalFile, content, StandardCharsets.US_ASCII);
        controller.fan().poll();
    }

    static void writeMillidegrees(Path file, double celsius) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, Math.round(celsius * 1000) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether an output is active (lamp lit, fan running, relay energised). */
    public boolean outputActive(PinRole role) {
        return controller.outputStates().getOrDefault(role, false);
    }

    @Override
    public void close() {
        controller.close();
    }
}
