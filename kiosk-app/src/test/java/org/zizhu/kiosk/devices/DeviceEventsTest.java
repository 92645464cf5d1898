package org.zizhu.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zizhu.device.gpio.LightPattern;
import org.zizhu.kiosk.flow.StatusLight;

class DeviceEventsTest {
    @Test
    void everyKioskLightHasItsOwnGpioPattern() {
        Set<LightPattern> used = EnumSet.noneOf(LightPattern.class);
        for (StatusLight l : StatusLight.values()) {
            LightPattern p = DeviceEvents.pattern(l);
            assertEquals(l.name(), p.name(), "same meaning, same name");
            used.add(p);
        }
        assertEquals(StatusLight.values().length, used.size(), "no two kiosk lights look alike");
    }
}
