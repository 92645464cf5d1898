package org.zizhu.device.gpio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.DeviceStatus;

/** Runs the real Pi4J 3 stack on its mock provider with a manual clock. */
class GpioControllerTest {
    @TempDir
    Path dir;
    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private GpioSimulator sim;
    private GpioController gpio;

    @BeforeEach
    void start() throws Exception {
        sim = GpioSimulator.open(dir, clock);
        gpio = sim.controller();
        gpio.addListener(new GpioListener() {
            @Override
            public void helpRequested() {
                heard.add("help");
            }

            @Override
            public void tamperChanged(boolean open) {
                heard.add(open ? "tamper-open" : "tamper-closed");
            }

            @Override
            public void fanChanged(boolean on) {
                heard.add(on ? "fan-on" : "fan-off");
            }
        });
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void bouncingHelpButtonGivesOneEventPerPress() {
        assertEquals(DeviceStatus.ONLINE, gpio.status());
        // Contact bounce: six edges 5 ms apart, all inside the 50 ms window.
        for (int i = 0; i < 6; i++) {
            sim.setHelpPressed(i % 2 == 0);
            clock.advanceMillis(5);
        }
        sim.setHelpPressed(true);
        clock.advanceMillis(49);
        assertEquals(List.of(), heard, "not stable for the whole window yet");
        clock.advanceMillis(1);
        assertEquals(List.of("help"), heard);
        // Held down: no repeat. Released with bounce: no event.
        clock.advanceMillis(2000);
        sim.setHelpPressed(false);
        sim.setHelpPressed(true);
        sim.setHelpPressed(false);
        clock.advanceMillis(100);
        assertEquals(List.of("help"), heard);
        assertFalse(gpio.inputStates().get(PinRole.HELP_BUTTON));
        // A second press is a second call.
        sim.pressHelp();
        clock.advanceMillis(500);
        assertEquals(List.of("help", "help"), heard);
    }

    @Test
    void glitchShorterThanDebounceIsIgnored() {
        sim.setHelpPressed(true);
        clock.advanceMillis(20);
        sim.setHelpPressed(false);
        clock.advanceMillis(200);
        assertEquals(List.of(), heard);
    }

    @Test
    void tamperRaisesAlarmFraudStatusAndLatchesUntilReset() {
        gpio.light().show(LightPattern.READY);
        sim.setTamperOpen(true);
        sim.setTamperOpen(false);
        sim.setTamperOpen(true);
        clock.advanceMillis(60);
        assertEquals(List.of("tamper-open"), heard);
        assertEquals(DeviceStatus.FRAUD_ATTEMPT, gpio.status());
        assertEquals("tamper-open", gpio.tracker().detail());
        assertEquals(GpioFault.TAMPER_OPEN, gpio.tracker().fault());
        assertEquals(LightPattern.OUT_OF_SERVICE, gpio.light().pattern());
        assertFalse(gpio.resetTamper(), "cannot reset while the door is open");

        sim.setTamperOpen(false);
        clock.advanceMillis(60);
        assertEquals(DeviceStatus.FRAUD_ATTEMPT, gpio.status(), "closing the door does not clear the alarm");
        assertTrue(gpio.tamperAlarm());
        assertTrue(gpio.resetTamper());
        assertEquals(DeviceStatus.ONLINE, gpio.status());
        assertEquals(LightPattern.READY, gpio.light().pattern());
        assertEquals(List.of("tamper-open", "tamper-closed"), heard);
    }

    @Test
    void fanFollowsTemperatureWithHysteresis() throws Exception {
        assertFalse(gpio.fan().isOn(), "45 °C at start");
        sim.writeTemperature(65);
        assertFalse(gpio.fan().isOn(), "between thresholds, stays off");
        sim.writeTemperature(70);
        assertTrue(gpio.fan().isOn());
        assertTrue(sim.outputActive(PinRole.FAN));
        sim.writeTemperature(62.5);
        assertTrue(gpio.fan().isOn(), "between thresholds, stays on");
        sim.writeTemperature(60);
        assertFalse(gpio.fan().isOn());
        assertEquals(60.0, gpio.fan().lastTemperature().orElseThrow(), 0.001);
        assertEquals(List.of("fan-on", "fan-off"), heard);
    }

    @Test
    void fanIsPolledOnTheSchedule() throws Exception {
        GpioSimulator.writeMillidegrees(sim.thermalFile(), 80);
        clock.advanceMillis(4000);
        assertFalse(gpio.fan().isOn());
        clock.advanceMillis(1000);
        assertTrue(gpio.fan().isOn());
    }

    @Test
    void garbageOrMissingThermalFileTurnsTheFanOnAsSafeState() throws Exception {
        sim.writeThermalGarbage("not a temperature\n");
        assertTrue(gpio.fan().isOn());
        assertTrue(gpio.fan().lastTemperature().isEmpty());
        sim.writeTemperature(40);
        assertFalse(gpio.fan().isOn(), "recovers once readable");
        sim.writeThermalGarbage("999999999\n");
        assertTrue(gpio.fan().isOn(), "implausible value");
        sim.writeTemperature(40);
        Files.delete(sim.thermalFile());
        assertTrue(gpio.fan().poll(), "missing file");
        Files.writeString(sim.thermalFile(), "");
        assertTrue(gpio.fan().poll(), "empty file");
    }

    @Test
    void lightPatternsPlayTheirTimedSequences() {
        gpio.light().show(LightPattern.READY);
        assertArrayEquals(new boolean[] {false, true}, gpio.light().lamps());
        clock.advanceMillis(5000);
        assertArrayEquals(new boolean[] {false, true}, gpio.light().lamps(), "steady");

        gpio.light().show(LightPattern.BUSY);
        assertArrayEquals(new boolean[] {false, true}, gpio.light().lamps());
        clock.advanceMillis(499);
        assertTrue(sim.outputActive(PinRole.LIGHT_GREEN));
        clock.advanceMillis(1);
        assertFalse(sim.outputActive(PinRole.LIGHT_GREEN));
        clock.advanceMillis(500);
        assertTrue(sim.outputActive(PinRole.LIGHT_GREEN));

        gpio.light().show(LightPattern.FAULT);
        List<Boolean> red = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            red.add(gpio.light().lamps()[0]);
            clock.advanceMillis(150);
        }
        assertEquals(List.of(true, false, true, false), red);
        assertFalse(gpio.light().lamps()[1]);

        gpio.light().show(LightPattern.HELP_REQUESTED);
        assertArrayEquals(new boolean[] {true, false}, gpio.light().lamps());
        clock.advanceMillis(400);
        assertArrayEquals(new boolean[] {false, true}, gpio.light().lamps());
        // A stale step from the previous pattern must not fire after a change.
        gpio.light().show(LightPattern.OUT_OF_SERVICE);
        clock.advanceMillis(3000);
        assertArrayEquals(new boolean[] {true, false}, gpio.light().lamps());
    }

    @Test
    void relayPulseIsBoundedAndReleasedBySchedule() {
        assertThrows(IllegalArgumentException.class, () -> gpio.relay().pulse(Duration.ofSeconds(11), "test"));
        assertThrows(IllegalArgumentException.class, () -> gpio.relay().pulse(Duration.ZERO, "test"));
        assertTrue(gpio.relay().pulse(Duration.ofSeconds(2), "printer-hung"));
        assertTrue(sim.outputActive(PinRole.RELAY));
        assertFalse(gpio.relay().pulse(Duration.ofSeconds(1), "again"), "no overlapping pulse");
        clock.advanceMillis(1999);
        assertTrue(sim.outputActive(PinRole.RELAY));
        clock.advanceMillis(1);
        assertFalse(sim.outputActive(PinRole.RELAY));
        assertFalse(gpio.relay().isPulsing());
    }

    @Test
    void tamperPolarityIsConfigurable() throws Exception {
        sim.close();
        // A normally-open switch wired the other way round: open door reads LOW.
        GpioConfig cfg = GpioConfig.builder().provider(GpioConfig.Provider.MOCK)
                .activeLow(PinRole.TAMPER, true)
                .thermalZone(sim.thermalFile()).build();
        try (GpioSimulator s2 = GpioSimulator.open(cfg, clock)) {
            assertEquals(DeviceStatus.ONLINE, s2.controller().status());
            s2.setTamperOpen(true);
            clock.advanceMillis(60);
            assertEquals(DeviceStatus.FRAUD_ATTEMPT, s2.controller().status());
        }
    }

    @Test
    void closeReleasesOutputsAndReportsOffline() {
        gpio.light().show(LightPattern.READY);
        gpio.relay().pulse(Duration.ofSeconds(5), "test");
        sim.close();
        assertEquals(DeviceStatus.OFFLINE, gpio.status());
        assertFalse(gpio.outputStates().get(PinRole.RELAY));
        assertFalse(gpio.outputStates().get(PinRole.LIGHT_GREEN));
    }
}
