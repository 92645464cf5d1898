package org.zizhu.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GpioConfigTest {
    @Test
    void providerMustBeChosenExplicitly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpioConfig.builder().build());
        assertTrue(e.getMessage().contains("MOCK"), e.getMessage());
    }

    @Test
    void duplicatePinIsRejectedNamingBothRoles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpioConfig.builder()
                .provider(GpioConfig.Provider.GPIOD).pin(PinRole.FAN, 17).build());
        assertEquals("GPIO 17 is assigned to both lightRed and fan", e.getMessage());
    }

    @Test
    void pinOffTheHeaderIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> GpioConfig.builder()
                .provider(GpioConfig.Provider.MOCK).pin(PinRole.RELAY, 40).build());
    }

    @Test
    void thresholdsAndTimingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> GpioConfig.builder().fanThresholds(60, 70));
        assertThrows(IllegalArgumentException.class, () -> GpioConfig.builder().debounce(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> GpioConfig.builder().relayMaxPulse(Duration.ofMinutes(5)));
    }

    @Test
    void readsPropertiesFile() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("""
                gpio.provider = gpiod
                gpio.pin.helpButton = 16
                gpio.pin.relay = 24
                gpio.activeLow.relay = true
                gpio.debounceMs = 30
                gpio.thermalZone = /tmp/zone
                gpio.fan.onC = 75
                gpio.fan.offC = 65
                """));
        GpioConfig c = GpioConfig.fromProperties(p);
        assertEquals(GpioConfig.Provider.GPIOD, c.provider());
        assertEquals(16, c.pin(PinRole.HELP_BUTTON));
        assertEquals(24, c.pin(PinRole.RELAY));
        assertTrue(c.activeLow(PinRole.RELAY));
        assertEquals(Duration.ofMillis(30), c.debounce());
        assertEquals(Path.of("/tmp/zone"), c.thermalZone());
        assertEquals(75, c.fanOnCelsius());
        assertEquals(17, c.pin(PinRole.LIGHT_RED), "default kept");
    }

    @Test
    void badPropertiesNameTheKey() {
        Properties p = new Properties();
        assertThrows(IllegalArgumentException.class, () -> GpioConfig.fromProperties(p));
        p.setProperty("gpio.provider", "auto");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GpioConfig.fromProperties(p))
                .getMessage().contains("gpiod or mock"));
        p.setProperty("gpio.provider", "mock");
        p.setProperty("gpio.pin.fan", "twelve");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GpioConfig.fromProperties(p))
                .getMessage().contains("gpio.pin.fan"));
    }

    @Test
    void simulatorRefusesARealProvider() {
        GpioConfig real = GpioConfig.builder().provider(GpioConfig.Provider.GPIOD).build();
        assertThrows(IllegalArgumentException.class, () -> GpioSimulator.open(real, new ManualScheduler()));
    }
}
