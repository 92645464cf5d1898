package org.zizhu.device.gpio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * A thermostat for the cabinet fan: reads the CPU temperature from a sysfs thermal zone
 * (millidegrees Celsius, e.g. {@code 48312}), switches on at or above the upper threshold and off
 * at or below the lower one (hysteresis, so it does not chatter around one value). If the file is
 * missing, unreadable, not a number or an impossible value, the fan is switched on - running
 * needlessly is cheap, cooking the terminal is not - and one event is logged per such episode.
 */
public final class FanControl {
    private static final Pattern MILLIDEGREES = Pattern.compile("-?[0-9]{1,7}");
    private static final double MIN_PLAUSIBLE = -40;
    private static final double MAX_PLAUSIBLE = 150;

    private final Path zone;
    private final double onC;
    private final double offC;
    private final OutputPin fan;
    private final Consumer<Boolean> onChange;
    private OptionalDouble lastTemp = OptionalDouble.empty();
    private boolean unreadable;

    FanControl(Path zone, double onC, double offC, OutputPin fan, Consumer<Boolean> onChange) {
        this.zone = zone;
        this.onC = onC;
        this.offC = offC;
        this.fan = fan;
        this.onChange = onChange;
    }

    /** Reads the temperature once and switches the fan; returns whether it now runs. */
    public boolean poll() {
        boolean changed;
        boolean on;
        String reason;
        synchronized (this) {
            boolean wasOn = fan.active();
            double t;
            try {
                t = read();
            } catch (BadReading e) {
                lastTemp = OptionalDouble.empty();
                if (!unreadable) {
                    unreadable = true;
                    EventLog.event(EventId.GPIO_THERMAL_UNREADABLE, Outcome.FAILURE, "path", zone.toString(),
                            "reason", e.getMessage(), "fan", "on");
                }
                fan.set(true);
                changed = !wasOn;
                on = true;
                reason = "thermal-unreadable";
                if (changed) {
                    EventLog.event(EventId.GPIO_FAN_CHANGED, Outcome.SUCCESS, "fan", "on", "reason", reason);
                }
                return finish(changed, on);
            }
            unreadable = false;
            lastTemp = OptionalDouble.of(t);
            on = t >= onC || (wasOn && t > offC);
            fan.set(on);
            changed = on != wasOn;
            if (changed) {
                EventLog.event(EventId.GPIO_FAN_CHANGED, Outcome.SUCCESS, "fan", on ? "on" : "off", "celsius", t);
            }
        }
        return finish(changed, on);
    }

    private boolean finish(boolean changed, boolean on) {
        if (changed) {
            onChange.accept(on);
        }
        return on;
    }

    public boolean isOn() {
        return fan.active();
    }

    /** The last good reading, empty while the zone is unreadable. */
    public synchronized OptionalDouble lastTemperature() {
        return lastTemp;
    }

    private double read() throws BadReading {
        String text;
        try (InputStream in = Files.newInputStream(zone)) {
            text = new String(in.readNBytes(32), StandardCharsets.US_ASCII).strip(); // sysfs: a few digits and \n
        } catch (NoSuchFileException e) {
            throw new BadReading("missing");
        } catch (IOException e) {
            throw new BadReading("unreadable");
        }
        if (!MILLIDEGREES.matcher(text).matches()) {
            throw new BadReading("not-a-number");
        }
        double c = Long.parseLong(text) / 1000.0;
        if (c < MIN_PLAUSIBLE || c > MAX_PLAUSIBLE) {
            throw new BadReading("implausible");
        }
        return c;
    }

    private static final class BadReading extends Exception {
        BadReading(String reason) {
            super(reason, null, false, false);
        }
    }
}
