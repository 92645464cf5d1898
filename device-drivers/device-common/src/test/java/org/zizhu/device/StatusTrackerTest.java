package org.zizhu.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {
    @Test
    void firesOncePerChangeAndSurvivesFailingListener() {
        StatusTracker t = new StatusTracker("printer", DeviceStatus.NO_DEVICE);
        List<DeviceStatusEvent> seen = new ArrayList<>();
        t.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        t.addListener(seen::add);

        assertTrue(t.update(DeviceStatus.ONLINE, (String) null));
        assertFalse(t.update(DeviceStatus.ONLINE, ""));
        assertTrue(t.update(DeviceStatus.USER_ERROR, "paper-end"));
        assertTrue(t.update(DeviceStatus.USER_ERROR, "cover-open"));

        assertEquals(3, seen.size());
        assertEquals(DeviceStatus.NO_DEVICE, seen.get(0).previous());
        assertEquals("cover-open", seen.get(2).detail());
        assertEquals(DeviceStatus.USER_ERROR, t.status());
    }

    @Test
    void typedFaultBecomesTheDetailAndIsClearedByAPlainUpdate() {
        StatusTracker t = new StatusTracker("receipt", DeviceStatus.ONLINE);
        assertTrue(t.update(DeviceStatus.OFFLINE, DeviceFault.Common.CONNECTION_LOST));
        assertEquals(DeviceFault.Common.CONNECTION_LOST, t.fault());
        assertEquals("connection-lost", t.detail());
        assertFalse(t.update(DeviceStatus.OFFLINE, DeviceFault.Common.CONNECTION_LOST));
        assertTrue(t.update(DeviceStatus.ONLINE, ""));
        assertEquals(DeviceFault.Common.NONE, t.fault());
    }
}
