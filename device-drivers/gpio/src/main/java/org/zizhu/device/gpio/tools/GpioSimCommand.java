package org.zizhu.device.gpio.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.zizhu.device.gpio.GpioController;
import org.zizhu.device.gpio.GpioListener;
import org.zizhu.device.gpio.GpioScheduler;
import org.zizhu.device.gpio.GpioSimulator;
import org.zizhu.device.gpio.LightPattern;
import org.zizhu.tools.OptionsCommand;
import picocli.CommandLine.Option;

/**
 * {@code sim gpio [--dir DIR]}: a simulated GPIO board (Pi4J mock provider) driven by lines on
 * stdin: {@code help}, {@code tamper open|close}, {@code reset}, {@code temp 72.5},
 * {@code light READY|BUSY|...}, {@code relay MS}, {@code status}, {@code quit}. Each line answers
 * with one JSON object; events (help call, tamper, fan) are printed as they happen. The
 * temperature is written to {@code DIR/temp} in sysfs format, so a kiosk configured with
 * {@code gpio.thermalZone=DIR/temp} reacts to it too.
 */
public final class GpioSimCommand extends OptionsCommand<GpioSimCommand.Options> {
    private final InputStream stdin;

    public GpioSimCommand() {
        this(System.in);
    }

    GpioSimCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Kind kind() {
        return Kind.SIM;
    }

    @Override
    public String name() {
        return "gpio";
    }

    @Override
    public String summary() {
        return "simulated GPIO board; stdin: help | tamper open|close | reset | temp C | light P | relay MS | status | quit";
    }

    @Override
    protected String usageNote() {
        return "(then on stdin: help | tamper open|close | reset | temp C | light P | relay MS | status | quit)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--dir", paramLabel = "DIR") Path dir;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        Path dir = o.dir != null ? o.dir : Files.createTempDirectory("zizhu-gpio-sim");
        ObjectMapper json = new ObjectMapper();
        Object lock = new Object();
        try (GpioScheduler scheduler = GpioScheduler.system();
             GpioSimulator sim = GpioSimulator.open(dir, scheduler)) {
            GpioController gpio = sim.controller();
            gpio.addListener(new GpioListener() {
                @Override
                public void helpRequested() {
                    emit(out, json, lock, Map.of("event", "help-requested"));
                }

                @Override
                public void tamperChanged(boolean open) {
                    emit(out, json, lock, Map.of("event", open ? "tamper-open" : "tamper-closed",
                            "status", gpio.status().name()));
                }

                @Override
                public void fanChanged(boolean on) {
                    emit(out, json, lock, Map.of("event", on ? "fan-on" : "fan-off"));
                }
            });
            emit(out, json, lock, Map.of("ready", true, "thermalFile", sim.thermalFile().toString()));
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                Map<String, Object> reply = new LinkedHashMap<>();
                try {
                    switch (w[0].toLowerCase(Locale.ROOT)) {
                        case "" -> {
                            continue;
                        }
                        case "quit", "exit" -> {
                            return 0;
                        }
                        case "help" -> {
                            sim.pressHelp();
                            reply.put("ok", "help button pressed");
                        }
                        case "tamper" -> {
                            boolean open = arg(w).equalsIgnoreCase("open");
                            if (!open && !arg(w).equalsIgnoreCase("close")) {
                                throw new IllegalArgumentException("tamper open|close");
                            }
                            sim.setTamperOpen(open);
                            reply.put("ok", "tamper switch " + (open ? "opened" : "closed"));
                        }
                        case "reset" -> reply.put("ok", gpio.resetTamper() ? "tamper alarm cleared" : "door still open");
                        case "temp" -> {
                            double c = Double.parseDouble(arg(w));
                            sim.writeTemperature(c);
                            reply.put("ok", "temperature " + c);
                            reply.put("fanOn", gpio.fan().isOn());
                        }
                        case "light" -> {
                            gpio.light().show(LightPattern.valueOf(arg(w).toUpperCase(Locale.ROOT)));
                            reply.put("ok", "light " + gpio.light().pattern());
                        }
                        case "relay" -> {
                            boolean started = gpio.relay().pulse(Duration.ofMillis(Long.parseLong(arg(w))), "sim");
                            reply.put("ok", started ? "relay pulsed" : "pulse already running");
                        }
                        case "status" -> { }
                        default -> throw new IllegalArgumentException("unknown command: " + w[0]);
                    }
                } catch (IllegalArgumentException e) {
                    reply.put("error", e.getMessage());
                }
                reply.put("status", gpio.status().name());
                reply.put("light", String.valueOf(gpio.light().pattern()));
                reply.put("fanOn", gpio.fan().isOn());
                emit(out, json, lock, reply);
            }
        }
        return 0;
    }

    private static String arg(String[] w) {
        if (w.length < 2) {
            throw new IllegalArgumentException(w[0] + " needs an argument");
        }
        return w[1];
    }

    private static void emit(PrintStream out, ObjectMapper json, Object lock, Map<String, Object> m) {
        try {
            String s = json.writeValueAsString(m);
            synchronized (lock) {
                out.println(s);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
