package org.zizhu.device.gpio;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark harness, not a test (asserts nothing about speed): help-button latency from the pin
 * edge to the listener, and the JVM's CPU while the light blinks and the fan is polled. Run with
 * {@code mvn -B -q -pl device-drivers/gpio -am -Pbench test -Dtest=GpioBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class GpioBench {
    @Test
    void helpLatencyAndIdleCpu(@TempDir Path dir) throws Exception {
        try (GpioScheduler scheduler = GpioScheduler.system();
             GpioSimulator sim = GpioSimulator.open(dir, scheduler)) {
            GpioController gpio = sim.controller();
            SynchronousQueue<Long> heard = new SynchronousQueue<>();
            gpio.addListener(new GpioListener() {
                @Override
                public void helpRequested() {
                    heard.offer(System.nanoTime());
                }
            });
            long[] lat = new long[40];
            for (int i = 0; i < lat.length; i++) {
                long t0 = System.nanoTime();
                sim.setHelpPressed(true);
                Long t1 = heard.poll(2, TimeUnit.SECONDS);
                if (t1 == null) {
                    throw new AssertionError("no help event");
                }
                lat[i] = t1 - t0;
                sim.setHelpPressed(false);
                Thread.sleep(80);
            }
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "BENCH help button edge -> listener (debounce %d ms): p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
                    gpio.config().debounce().toMillis(), lat[lat.length / 2] / 1e6, lat[lat.length * 95 / 100] / 1e6,
                    lat[lat.length - 1] / 1e6);

            gpio.light().show(LightPattern.FAULT); // the busiest pattern: a step every 150 ms
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(10_000);
            double pct = 100.0 * (os.getProcessCpuTime() - c0) / (System.nanoTime() - t0);
            System.out.printf(Locale.ROOT, "BENCH JVM CPU with FAULT pattern blinking and fan polling, 10 s: %.2f%% of one core%n", pct);
        }
    }
}
