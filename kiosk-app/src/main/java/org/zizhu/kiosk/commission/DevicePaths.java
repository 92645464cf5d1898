package org.zizhu.kiosk.commission;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where device nodes are looked for, and which name of a node is bound: the package's udev
 * links ({@code /dev/zizhu/<role>}, stable even for adapters without a serial number), then
 * {@code /dev/serial/by-id} (vendor, product and serial), then {@code /dev/serial/by-path} (the
 * USB port), and only then the kernel's name, which may change at the next boot. The roots are
 * values so tests point them at directories of their own.
 */
public record DevicePaths(Path zizhuDir, Path byIdDir, Path byPathDir, Path devDir) {

    public static DevicePaths system() {
        return new DevicePaths(Path.of("/dev/zizhu"), Path.of("/dev/serial/by-id"), Path.of("/dev/serial/by-path"), Path.of("/dev"));
    }

    /**
     * Serial ports to probe, each once (by its real node), named by the most stable link that
     * reaches it: /dev/zizhu/*, /dev/serial/by-id/*, /dev/ttyUSB*, /dev/ttyACM*, then the ports
     * named in the configuration ({@code extra}).
     */
    public List<Path> serialCandidates(List<String> extra) {
        List<Path> all = new ArrayList<>();
        all.addAll(list(zizhuDir, "*"));
        all.addAll(list(byIdDir, "*"));
        all.addAll(list(devDir, "ttyUSB*"));
        all.addAll(list(devDir, "ttyACM*"));
        for (String e : extra) {
            if (e != null && !e.isBlank()) {
                all.add(Path.of(e));
            }
        }
        Map<Path, Path> byNode = new LinkedHashMap<>();
        for (Path p : all) {
            real(p).ifPresent(node -> byNode.putIfAbsent(node, p));
        }
        return byNode.values().stream().map(p -> stableName(p, null)).toList();
    }

    /** USB printer class devices (/dev/usb/lp*). */
    public List<Path> usbPrinters() {
        return list(devDir.resolve("usb"), "lp*");
    }

    /** V4L2 capture nodes (/dev/video*), named by /dev/zizhu/camera when that link reaches one. */
    public List<Path> cameras() {
        return list(devDir, "video*").stream().map(p -> stableName(p, "camera")).toList();
    }

    /**
     * The name to bind {@code node} by: {@code zizhuDir/<role>} if it reaches the same node (any
     * link under zizhuDir when {@code role} is null), else a by-id link, else a by-path link, else
     * the path as given.
     */
    public Path stableName(Path node, String role) {
        Optional<Path> target = real(node);
        if (target.isEmpty()) {
            return node;
        }
        if (role != null) {
            Path own = zizhuDir.resolve(role);
            if (target.equals(real(own))) {
                return own;
            }
        }
        for (Path dir : List.of(zizhuDir, byIdDir, byPathDir)) {
            if (role != null && dir.equals(zizhuDir)) {
                continue; // another role's link is not this device's name
            }
            for (Path link : list(dir, "*")) {
                if (target.equals(real(link))) {
                    return link;
                }
            }
        }
        return node;
    }

    static Optional<Path> real(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Path> list(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(out::add);
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }
}
