package org.zizhu.device.gpio;

import java.util.Locale;

/** What a pin is wired to. The pin numbers themselves are configuration ({@link GpioConfig}). */
public enum PinRole {
    LIGHT_RED(true, "red lamp of the status light"),
    LIGHT_GREEN(true, "green lamp of the status light"),
    FAN(true, "cabinet fan (through a transistor or relay)"),
    RELAY(true, "relay that power-cycles a hung device"),
    HELP_BUTTON(false, "help-call button"),
    TAMPER(false, "tamper or door switch");

    private final boolean output;
    private final String description;

    PinRole(boolean output, String description) {
        this.output = output;
        this.description = description;
    }

    public boolean isOutput() {
        return output;
    }

    public String description() {
        return description;
    }

    /** Configuration key: {@code LIGHT_RED} is {@code lightRed}. */
    public String key() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    /** Pi4J IO id, e.g. {@code light-red}. */
    String ioId() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
