package org.zizhu.device.smartcard;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.device.smartcard.technician.TechnicianAuthResult;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        PcscdStack.require();
        try (PcscSmartCardReader reader = PcscSmartCardReader.create(SmartCardConfig.builder()
                .readerNamePattern(PcscdStack.READER).pollInterval(Duration.ofMillis(200)).build());
             VirtualCardConnection slot = VirtualCardConnection.vpcd(PcscdStack.SLOT)) {
            LinkedBlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            reader.addCardListener(events::add);
            reader.start();
            long t0 = System.nanoTime();
            while (reader.status() != DeviceStatus.ONLINE && System.nanoTime() - t0 < 5e9) Thread.sleep(20);
            System.err.println("status " + reader.status() + " after " + (System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            slot.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
            CardEvent e = events.poll(5, TimeUnit.SECONDS);
            System.err.println("event " + e + " after " + (System.nanoTime() - t1) / 1e6);
            TechnicianCardAuthenticator auth = new TechnicianCardAuthenticator(DemoCards.demoIssuerTrust());
            long t2 = System.nanoTime();
            TechnicianAuthResult r = auth.authenticate(reader, "123456".toCharArray());
            System.err.println("auth " + r + " in " + (System.nanoTime() - t2) / 1e6);
            assertTrue(r.success());
            slot.remove();
            e = events.poll(5, TimeUnit.SECONDS);
            System.err.println("event " + e);
        }
    }
}
