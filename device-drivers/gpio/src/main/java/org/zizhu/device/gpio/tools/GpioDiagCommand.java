package org.zizhu.device.gpio.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.zizhu.device.gpio.GpioConfig;
import org.zizhu.device.gpio.GpioController;
import org.zizhu.device.gpio.GpioScheduler;
import org.zizhu.device.gpio.PinRole;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code diag gpio --provider gpiod|mock | --config FILE [--self-test]}: shows the pin map, input
 * states, light pattern, fan and temperature; with {@code --self-test} switches each output on
 * and off once and reads it back. The provider must be named: there is no guessing.
 */
public final class GpioDiagCommand extends OptionsCommand<GpioDiagCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "gpio";
    }

    @Override
    public String summary() {
        return "GPIO pin map, inputs, light, fan; --self-test cycles each output (--provider gpiod|mock | --config FILE)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--provider", paramLabel = "gpiod|mock") String provider;
        @Option(names = "--config", paramLabel = "FILE") Path config;
        @Option(names = "--thermal", paramLabel = "PATH") Path thermal;
        @Option(names = "--self-test") boolean selfTest;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        GpioConfig config;
        try {
            Properties p = new Properties();
            if (o.config != null) {
                try (Reader r = Files.newBufferedReader(o.config)) {
                    p.load(r);
                }
            }
            if (o.provider != null) {
                p.setProperty("gpio.provider", o.provider);
            }
            if (o.thermal != null) {
                p.setProperty("gpio.thermalZone", o.thermal.toString());
            }
            config = GpioConfig.fromProperties(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + o.config + ": " + e.getMessage());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("provider", config.provider().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> pins = new LinkedHashMap<>();
        for (PinRole r : PinRole.values()) {
            pins.put(r.key(), Map.of("bcm", config.pin(r), "direction", r.isOutput() ? "out" : "in",
                    "activeLow", config.activeLow(r)));
        }
        report.put("pins", pins);
        int exit = 0;
        try (GpioScheduler scheduler = GpioScheduler.system();
             GpioController gpio = GpioController.open(config, scheduler)) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            gpio.inputStates().forEach((r, v) -> inputs.put(r.key(), v));
            report.put("inputs", inputs);
            report.put("light", String.valueOf(gpio.light().pattern()));
            report.put("fanOn", gpio.fan().isOn());
            report.put("celsius", gpio.fan().lastTemperature().isPresent() ? gpio.fan().lastTemperature().getAsDouble() : null);
            report.put("status", gpio.status().name());
            if (o.selfTest) {
                Map<String, Object> st = new LinkedHashMap<>();
                Map<PinRole, Boolean> result = gpio.selfTest(Duration.ofMillis(300));
                result.forEach((r, ok) -> st.put(r.key(), ok ? "ok" : "no-readback"));
                report.put("selfTest", st);
                if (result.containsValue(false)) {
                    exit = 1;
                }
            }
        } catch (RuntimeException e) {
            report.put("status", "HARDWARE_ERROR");
            report.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            exit = 1;
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        return exit;
    }
}
