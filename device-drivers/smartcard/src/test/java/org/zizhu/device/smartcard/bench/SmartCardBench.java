package org.zizhu.device.smartcard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.smartcard.CardEvent;
import org.zizhu.device.smartcard.CardSession;
import org.zizhu.device.smartcard.CommandApdu;
import org.zizhu.device.smartcard.PcscSmartCardReader;
import org.zizhu.device.smartcard.SmartCardConfig;
import org.zizhu.device.smartcard.sim.CardApplet;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;
import org.zizhu.device.smartcard.technician.TechnicianCardProtocol;

/**
 * Benchmark harness (not a test): card insertion/removal to event latency, APDU round trip and
 * a full technician login, through real pcscd + vpcd. Needs pcscd (scripts/stacks/pcscd.sh
 * start). Run with the command in bench/smartcard.md; prints a table.
 */
public final class SmartCardBench {
    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        SmartCardConfig config = SmartCardConfig.builder().readerNamePattern("^Virtual PCD 00 00$")
                .pollInterval(Duration.ofMillis(250)).build();
        LinkedBlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        try (PcscSmartCardReader reader = PcscSmartCardReader.open(config);
             VirtualCardConnection slot = VirtualCardConnection.vpcd(0)) {
            reader.addCardListener(events::add);
            long until = System.nanoTime() + 10_000_000_000L;
            while (reader.status() != DeviceStatus.ONLINE) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("reader not ONLINE: " + reader.tracker().detail()
                            + " (is pcscd running? scripts/stacks/pcscd.sh start)");
                }
                Thread.sleep(20);
            }
            CardApplet card = DemoCards.create(DemoCards.Kind.TECHNICIAN);
            Random phase = new Random(1);
            List<Double> insert = new ArrayList<>();
            List<Double> remove = new ArrayList<>();
            for (int i = 0; i < cycles + 3; i++) {
                // Random pause: spread the insertion over pcscd's polling phase.
                Thread.sleep(100 + phase.nextInt(400));
                events.clear();
                long t0 = System.nanoTime();
                slot.insert(card);
                CardEvent in = awaitEvent(events, CardEvent.Kind.INSERTED);
                double inMs = (System.nanoTime() - t0) / 1e6;
                Thread.sleep(100 + phase.nextInt(400));
                long t1 = System.nanoTime();
                slot.remove();
                awaitEvent(events, CardEvent.Kind.REMOVED);
                double outMs = (System.nanoTime() - t1) / 1e6;
                if (i >= 3 && in != null) { // first rounds warm up JIT and JNA
                    insert.add(inMs);
                    remove.add(outMs);
                }
            }
            System.out.println("| measurement | n | min | median | p95 | max |");
            System.out.println("|---|---|---|---|---|---|");
            row("card insertion -> INSERTED event (ms)", insert);
            row("card removal -> REMOVED event (ms)", remove);

            slot.insert(card);
            while (!reader.cardPresent()) {
                Thread.sleep(10);
            }
            List<Double> small = new ArrayList<>();
            List<Double> cert = new ArrayList<>();
            int certLength;
            try (CardSession s = reader.openSession()) {
                s.transmit(TechnicianCardProtocol.select()).requireSuccess("SELECT");
                CommandApdu status = TechnicianCardProtocol.verifyStatus();
                CommandApdu getCert = TechnicianCardProtocol.getCertificate();
                certLength = s.transmit(getCert).dataLength();
                for (int i = 0; i < 3000; i++) {
                    long t0 = System.nanoTime();
                    s.transmit(status);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    long t1 = System.nanoTime();
                    s.transmit(getCert);
                    double ms2 = (System.nanoTime() - t1) / 1e6;
                    if (i >= 1000) {
                        small.add(ms);
                        cert.add(ms2);
                    }
                }
            }
            row("APDU round trip, VERIFY status (4 B -> 2 B) (ms)", small);
            row("APDU round trip, GET DATA certificate (5 B -> " + certLength + " B + SW) (ms)", cert);

            TechnicianCardAuthenticator auth = new TechnicianCardAuthenticator(DemoCards.demoIssuerTrust());
            List<Double> login = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                long t0 = System.nanoTime();
                if (!auth.authenticate(reader, DemoCards.DEMO_PIN.toCharArray()).success()) {
                    throw new IllegalStateException("login failed");
                }
                if (i >= 20) {
                    login.add((System.nanoTime() - t0) / 1e6);
                }
            }
            row("technician login: open session + 5 APDUs + 3 ECDSA verifies (ms)", login);
            slot.remove();
        }
    }

    private static CardEvent awaitEvent(LinkedBlockingQueue<CardEvent> q, CardEvent.Kind kind) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            CardEvent e = q.poll(50, TimeUnit.MILLISECONDS);
            if (e != null && e.kind() == kind) {
                return e;
            }
        }
        throw new IllegalStateException("no " + kind + " event within 5 s");
    }

    private static void row(String name, List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        System.out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", name, s.size(), s.get(0), s.get(s.size() / 2),
                s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1));
    }
}
