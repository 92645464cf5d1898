package org.zizhu.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The kiosk's validated configuration: a Java properties file (UTF-8) whose keys are the
 * {@link ConfigKey}s. Absent keys take their defaults; unknown keys and bad values are refused
 * at start with a message naming the key and the file, since a typo silently ignored on an
 * unattended terminal is found only when a resident is failed by it.
 */
public final class KioskConfig {
    private final Map<ConfigKey, String> values;
    private final String source;

    private KioskConfig(Map<ConfigKey, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /** All defaults (embedded demo configuration). */
    public static KioskConfig defaults() {
        try {
            return from(new Properties(), "<defaults>");
        } catch (ConfigException e) {
            throw new IllegalStateException("built-in defaults are invalid", e);
        }
    }

    /** Reads a properties file. A missing file is an error: pass none to use the defaults. */
    public static KioskConfig load(Path file) throws ConfigException {
        return loadMain(file).withCommissioned();
    }

    /**
     * The main file alone, without the wizard's device bindings: for {@code zizhu update}, which
     * needs none of them and must work even when the bindings file does not load (the guard that
     * rolls back runs the last good release's code, which may not know a key a newer wizard wrote).
     */
    public static KioskConfig loadMain(Path file) throws ConfigException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigException("configuration file " + file + " is not valid UTF-8");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("configuration file " + file + " cannot be read: " + e.getMessage());
        }
        return from(p, file.toString());
    }

    /** The file the commissioning wizard writes its device bindings to, under {@code data.dir}. */
    public static final String COMMISSIONED_FILE = "commissioned.properties";

    /** Where a bindings file that did not load is moved by {@link #loadForRun(Path)}. */
    public static final String REJECTED_COMMISSIONED_FILE = COMMISSIONED_FILE + ".rejected";

    /** The configuration the kiosk runs on, and why the commissioned bindings were set aside, if they were. */
    public record ForRun(KioskConfig config, java.util.Optional<String> bindingsSetAside) {
    }

    /**
     * The kiosk's own start: the main file must load (it is the package's conffile, validated at
     * install), but a bindings file that does not load is moved aside to
     * {@value #REJECTED_COMMISSIONED_FILE} and the kiosk starts without it. Refusing to start would
     * put the terminal in systemd's restart loop and then the start limit's reboot, with no screen
     * to repeat the binding from; starting on the main file alone shows the devices as not bound,
     * and the technician binds them again with the wizard. It is not quiet: the caller logs the
     * event, and {@code zizhu diag config} names the rejected file. Commands other than
     * {@code run} keep refusing (a technician sees the problem before anything moves).
     */
    public static ForRun loadForRun(Path file) throws ConfigException {
        KioskConfig main = loadMain(file);
        try {
            return new ForRun(main.withCommissioned(), java.util.Optional.empty());
        } catch (ConfigException e) {
            Path f = main.commissionedFile();
            try {
                Files.move(f, f.resolveSibling(REJECTED_COMMISSIONED_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new ConfigException(e.getMessage() + "; it could not be moved aside either: " + moveFailed.getMessage());
            }
            return new ForRun(main, java.util.Optional.of(e.getMessage()));
        }
    }

    /** Where this configuration's commissioned bindings live. */
    public Path commissionedFile() {
        return dataDir().resolve(COMMISSIONED_FILE);
    }

    /**
     * This configuration with the commissioning wizard's bindings ({@code data.dir/commissioned.properties})
     * layered over it: the main file under /etc is read-only to the service, so the wizard writes
     * its own, and wins for the keys it may write ({@link ConfigKey#COMMISSIONED}). Any other key
     * there, or a value that breaks its key's rule, is refused like a bad main file: a binding
     * file edited by hand must not quietly change what the terminal does.
     */
    public KioskConfig withCommissioned() throws ConfigException {
        Path f = commissionedFile();
        if (!Files.exists(f)) {
            return this;
        }
        Properties layer = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            layer.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("commissioned bindings " + f + " cannot be read: " + e.getMessage());
        }
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty(k.key(), v));
        for (String name : layer.stringPropertyNames()) {
            ConfigKey k = ConfigKey.COMMISSIONED.stream().filter(c -> c.key().equals(name)).findFirst()
                    .orElseThrow(() -> new ConfigException(f + ": key '" + name + "' is not one the commissioning wizard writes"));
            p.setProperty(k.key(), layer.getProperty(name));
        }
        return from(p, source + " + " + f);
    }

    /** Validates properties, applying defaults. {@code source} names them in messages. */
    public static KioskConfig from(Properties p, String source) throws ConfigException {
        Map<String, ConfigKey> byName = new java.util.HashMap<>();
        for (ConfigKey k : ConfigKey.values()) {
            byName.put(k.key(), k);
        }
        for (String name : p.stringPropertyNames()) {
            if (!byName.containsKey(name)) {
                throw new ConfigException(source + ": unknown key '" + name + "'" + suggestion(name, byName.keySet()));
            }
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            String raw = p.getProperty(k.key());
            String v = raw == null ? k.defaultValue() : raw.strip();
            String problem = k.check(v);
            if (problem != null) {
                throw new ConfigException(source + ": key '" + k.key() + "' " + problem + " (got '" + v + "')");
            }
            values.put(k, v);
        }
        return new KioskConfig(values, source);
    }

    private static String suggestion(String name, java.util.Set<String> known) {
        Optional<String> close = known.stream().filter(k -> k.equalsIgnoreCase(name)
                || k.substring(k.lastIndexOf('.') + 1).equalsIgnoreCase(name.substring(name.lastIndexOf('.') + 1))).findFirst();
        return close.map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    /** Returns a copy with one key changed (validated). */
    public KioskConfig with(ConfigKey key, String value) throws ConfigException {
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty(k.key(), v));
        p.setProperty(key.key(), value);
        return from(p, source);
    }

    public String source() {
        return source;
    }

    public String get(ConfigKey key) {
        return values.get(key);
    }

    public int getInt(ConfigKey key) {
        return Integer.parseInt(values.get(key));
    }

    public double getDouble(ConfigKey key) {
        return Double.parseDouble(values.get(key));
    }

    public boolean getBoolean(ConfigKey key) {
        return Boolean.parseBoolean(values.get(key));
    }

    public Duration millis(ConfigKey key) {
        return Duration.ofMillis(Long.parseLong(values.get(key)));
    }

    public Duration seconds(ConfigKey key) {
        return Duration.ofSeconds(Long.parseLong(values.get(key)));
    }

    public Path dataDir() {
        return Path.of(values.get(ConfigKey.DATA_DIR));
    }

    /** Effective mode of a device key: "default" resolves to {@code device.mode}. */
    public String deviceMode(ConfigKey deviceKey) {
        String v = values.get(deviceKey);
        return v.equals("default") ? values.get(ConfigKey.DEVICE_MODE) : v;
    }
}
