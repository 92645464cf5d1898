package org.zizhu.kiosk.commission;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.flow.CommissioningPorts.BindResult;
import org.zizhu.kiosk.flow.CommissioningPorts.Found;

/**
 * Writes the devices' bindings to {@code data.dir/commissioned.properties}, which
 * {@link KioskConfig#withCommissioned()} layers over the read-only main file. Every line is
 * checked first: only the keys the wizard may write ({@link ConfigKey#COMMISSIONED}), each value
 * by its key's rule, and the whole layered configuration must load; then the file is replaced
 * atomically (written beside it, fsynced, renamed), so a power cut leaves the old bindings or the
 * new ones, never half a file.
 */
public final class Bindings {
    private Bindings() {
    }

    public static BindResult write(KioskConfig current, List<Found> found) {
        Path file = current.commissionedFile();
        Map<ConfigKey, String> values = new LinkedHashMap<>();
        for (Found f : found) {
            for (String line : f.binding()) {
                int eq = line.indexOf('=');
                String name = eq < 0 ? line : line.substring(0, eq);
                ConfigKey key = ConfigKey.COMMISSIONED.stream().filter(k -> k.key().equals(name)).findFirst().orElse(null);
                if (key == null) {
                    return refused(file, "key-not-bindable", name);
                }
                String value = line.substring(eq + 1).strip();
                String problem = key.problem(value);
                if (problem != null) {
                    return refused(file, "value-invalid", name);
                }
                values.put(key, value);
            }
        }
        if (values.isEmpty()) {
            return refused(file, "nothing-to-bind", "");
        }
        // Keep what an earlier run bound for devices not found this time (a printer switched off today).
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            p.clear(); // an unreadable old file is replaced whole
        }
        values.forEach((k, v) -> p.setProperty(k.key(), v));
        p.stringPropertyNames().stream().filter(n -> ConfigKey.COMMISSIONED.stream().noneMatch(k -> k.key().equals(n)))
                .toList().forEach(p::remove);
        boolean restart = values.entrySet().stream().anyMatch(e -> !e.getValue().equals(current.get(e.getKey())));
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newOutputStream(tmp); Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                p.store(w, "Device bindings written by the commissioning wizard; layered over the main configuration");
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            // The layered configuration must load before it replaces the old one.
            KioskConfig.from(merge(current, p), "commissioned bindings");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return refused(file, "not-written", e.getClass().getSimpleName());
        } catch (ConfigException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the check failed already; a stray .new file is overwritten next time
            }
            return refused(file, "value-invalid", "");
        }
        List<String> written = new ArrayList<>();
        values.forEach((k, v) -> written.add(k.key() + "=" + v));
        EventLog.event(EventId.COMMISSIONING_BOUND, Outcome.SUCCESS, "file", file.toString(),
                "keys", String.join(",", values.keySet().stream().map(ConfigKey::key).toList()), "restartNeeded", restart);
        return new BindResult(true, written, file.toString(), restart, "");
    }

    private static Properties merge(KioskConfig current, Properties layer) {
        Properties all = new Properties();
        for (ConfigKey k : ConfigKey.values()) {
            all.setProperty(k.key(), current.get(k));
        }
        layer.stringPropertyNames().forEach(n -> all.setProperty(n, layer.getProperty(n)));
        return all;
    }

    private static BindResult refused(Path file, String problem, String key) {
        EventLog.event(EventId.COMMISSIONING_BOUND, Outcome.FAILURE, "file", file.toString(), "reason", problem, "key", key);
        return new BindResult(false, List.of(), file.toString(), false, problem);
    }
}
