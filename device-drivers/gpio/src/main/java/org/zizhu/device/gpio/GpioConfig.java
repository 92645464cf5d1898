package org.zizhu.device.gpio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Immutable GPIO settings: which Pi4J provider, the pin map (BCM numbers), polarities, debounce,
 * fan thermostat and relay limits. There is no default provider: a kiosk must say {@code gpiod}
 * and the demo or a test must say {@code mock}, so the simulator is never used by accident on a
 * real terminal (and real pins never driven by a test).
 *
 * <p>Default pin map (BCM): red lamp 17, green lamp 27, fan 22, relay 23, help button 5, tamper
 * switch 6. Help button: to ground with the internal pull-up, so pressed is LOW (active-low).
 * Tamper: normally-closed door switch to ground with pull-up, so an open door reads HIGH (the
 * alarm state is active-high).
 */
public final class GpioConfig {
    public enum Provider { MOCK, GPIOD }

    /** BCM GPIO numbers on the 40-pin header. */
    public static final int MIN_PIN = 0;
    public static final int MAX_PIN = 27;

    private final Provider provider;
    private final Map<PinRole, Integer> pins;
    private final Map<PinRole, Boolean> activeLow;
    private final Duration debounce;
    private final Path thermalZone;
    private final double fanOnCelsius;
    private final double fanOffCelsius;
    private final Duration fanPollInterval;
    private final Duration relayMaxPulse;

    private GpioConfig(Builder b) {
        this.provider = b.provider;
        this.pins = Collections.unmodifiableMap(new EnumMap<>(b.pins));
        this.activeLow = Collections.unmodifiableMap(new EnumMap<>(b.activeLow));
        this.debounce = b.debounce;
        this.thermalZone = b.thermalZone;
        this.fanOnCelsius = b.fanOnCelsius;
        this.fanOffCelsius = b.fanOffCelsius;
        this.fanPollInterval = b.fanPollInterval;
        this.relayMaxPulse = b.relayMaxPulse;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code gpio.*} keys: {@code gpio.provider} (mock|gpiod, required),
     * {@code gpio.pin.<role>} (lightRed, lightGreen, fan, relay, helpButton, tamper),
     * {@code gpio.activeLow.<role>}, {@code gpio.debounceMs}, {@code gpio.thermalZone},
     * {@code gpio.fan.onC}, {@code gpio.fan.offC}, {@code gpio.fan.pollMs}, {@code gpio.relay.maxPulseMs}.
     *
     * @throws IllegalArgumentException naming the bad key
     */
    public static GpioConfig fromProperties(Properties p) {
        Builder b = builder();
        String prov = p.getProperty("gpio.provider");
        if (prov == null) {
            throw new IllegalArgumentException("gpio.provider is required: gpiod on a terminal, mock for the simulator");
        }
        try {
            b.provider(Provider.valueOf(prov.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gpio.provider must be gpiod or mock, got: " + prov);
        }
        for (PinRole r : PinRole.values()) {
            String v = p.getProperty("gpio.pin." + r.key());
            if (v != null) {
                b.pin(r, parseInt("gpio.pin." + r.key(), v));
            }
            String al = p.getProperty("gpio.activeLow." + r.key());
            if (al != null) {
                b.activeLow(r, parseBool("gpio.activeLow." + r.key(), al));
            }
        }
        String v;
        if ((v = p.getProperty("gpio.debounceMs")) != null) {
            b.debounce(Duration.ofMillis(parseInt("gpio.debounceMs", v)));
        }
        if ((v = p.getProperty("gpio.thermalZone")) != null) {
            b.thermalZone(Path.of(v.trim()));
        }
        String on = p.getProperty("gpio.fan.onC");
        String off = p.getProperty("gpio.fan.offC");
        if (on != null || off != null) {
            b.fanThresholds(on == null ? b.fanOnCelsius : parseDouble("gpio.fan.onC", on),
                    off == null ? b.fanOffCelsius : parseDouble("gpio.fan.offC", off));
        }
        if ((v = p.getProperty("gpio.fan.pollMs")) != null) {
            b.fanPollInterval(Duration.ofMillis(parseInt("gpio.fan.pollMs", v)));
        }
        if ((v = p.getProperty("gpio.relay.maxPulseMs")) != null) {
            b.relayMaxPulse(Duration.ofMillis(parseInt("gpio.relay.maxPulseMs", v)));
        }
        return b.build();
    }

    private static int parseInt(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got: " + v);
        }
    }

    private static double parseDouble(String key, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got: " + v);
        }
    }

    private static boolean parseBool(String key, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got: " + v);
        };
    }

    public Provider provider() { return provider; }
    public int pin(PinRole role) { return pins.get(role); }
    public Map<PinRole, Integer> pins() { return pins; }
    public boolean activeLow(PinRole role) { return activeLow.get(role); }
    public Duration debounce() { return debounce; }
    public Path thermalZone() { return thermalZone; }
    public double fanOnCelsius() { return fanOnCelsius; }
    public double fanOffCelsius() { return fanOffCelsius; }
    public Duration fanPollInterval() { return fanPollInterval; }
    public Duration relayMaxPulse() { return relayMaxPulse; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.provider = provider;
        b.pins.putAll(pins);
        b.activeLow.putAll(activeLow);
        b.debounce = debounce;
        b.thermalZone = thermalZone;
        b.fanOnCelsius = fanOnCelsius;
        b.fanOffCelsius = fanOffCelsius;
        b.fanPollInterval = fanPollInterval;
        b.relayMaxPulse = relayMaxPulse;
        return b;
    }

    @Override
    public String toString() {
        return "GpioConfig[" + provider + " " + pins + "]";
    }

    public static final class Builder {
        private Provider provider;
        private final Map<PinRole, Integer> pins = new EnumMap<>(PinRole.class);
        private final Map<PinRole, Boolean> activeLow = new EnumMap<>(PinRole.class);
        private Duration debounce = Duration.ofMillis(50);
        private Path thermalZone = Path.of("/sys/class/thermal/thermal_zone0/temp");
        private double fanOnCelsius = 70;
        private double fanOffCelsius = 60;
        private Duration fanPollInterval = Duration.ofSeconds(5);
        private Duration relayMaxPulse = Duration.ofSeconds(10);

        private Builder() {
            pins.put(PinRole.LIGHT_RED, 17);
            pins.put(PinRole.LIGHT_GREEN, 27);
            pins.put(PinRole.FAN, 22);
            pins.put(PinRole.RELAY, 23);
            pins.put(PinRole.HELP_BUTTON, 5);
            pins.put(PinRole.TAMPER, 6);
            for (PinRole r : PinRole.values()) {
                activeLow.put(r, r == PinRole.HELP_BUTTON);
            }
        }

        /** Required: {@code GPIOD} on a Raspberry Pi, {@code MOCK} for the simulator and tests. */
        public Builder provider(Provider p) {
            this.provider = p;
            return this;
        }

        public Builder pin(PinRole role, int bcm) {
            this.pins.put(role, bcm);
            return this;
        }

        /** True when the role's active state (lamp lit, button pressed, door open...) is LOW. */
        public Builder activeLow(PinRole role, boolean low) {
            this.activeLow.put(role, low);
            return this;
        }

        /** An input must hold a new level this long to count (switch bounce is ~1-20 ms). */
        public Builder debounce(Duration d) {
            if (d.toMillis() < 1 || d.toMillis() > 1000) {
                throw new IllegalArgumentException("debounce must be 1..1000 ms, got " + d.toMillis() + " ms");
            }
            this.debounce = d;
            return this;
        }

        /** The sysfs file with the CPU temperature in millidegrees Celsius. */
        public Builder thermalZone(Path p) {
            this.thermalZone = p;
            return this;
        }

        /** Fan on at or above {@code onC}, off at or below {@code offC}; in between it keeps its state. */
        public Builder fanThresholds(double onC, double offC) {
            if (!(offC < onC) || onC > 110 || offC < 0) {
                throw new IllegalArgumentException("fan thresholds need 0 <= off < on <= 110 °C, got on=" + onC + " off=" + offC);
            }
            this.fanOnCelsius = onC;
            this.fanOffCelsius = offC;
            return this;
        }

        public Builder fanPollInterval(Duration d) {
            if (d.toMillis() < 100) {
                throw new IllegalArgumentException("fan poll interval below 100 ms");
            }
            this.fanPollInterval = d;
            return this;
        }

        /** Longest allowed relay pulse; a pulse can never leave a device without power for longer. */
        public Builder relayMaxPulse(Duration d) {
            if (d.toMillis() < 100 || d.toSeconds() > 60) {
                throw new IllegalArgumentException("relay max pulse must be 100 ms..60 s");
            }
            this.relayMaxPulse = d;
            return this;
        }

        /** @throws IllegalArgumentException for a missing provider, a pin out of range or a pin used twice */
        public GpioConfig build() {
            if (provider == null) {
                throw new IllegalArgumentException("GPIO provider not chosen: use GPIOD on a terminal or MOCK for the simulator");
            }
            Map<Integer, PinRole> used = new HashMap<>();
            for (PinRole r : PinRole.values()) {
                int pin = pins.get(r);
                if (pin < MIN_PIN || pin > MAX_PIN) {
                    throw new IllegalArgumentException(r.key() + ": GPIO " + pin + " is not on the 40-pin header (BCM "
                            + MIN_PIN + ".." + MAX_PIN + ")");
                }
                PinRole other = used.putIfAbsent(pin, r);
                if (other != null) {
                    throw new IllegalArgumentException("GPIO " + pin + " is assigned to both " + other.key() + " and " + r.key());
                }
            }
            if (thermalZone == null) {
                throw new IllegalArgumentException("thermal zone path not set");
            }
            return new GpioConfig(this);
        }
    }
}
