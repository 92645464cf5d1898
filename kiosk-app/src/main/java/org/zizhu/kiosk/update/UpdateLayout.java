package org.zizhu.kiosk.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.update.ReleaseSigning;

/**
 * Where the update files are (the layout contract of issue 14): releases under {@code home}
 * ({@code releases/<v>/} with {@code lib/} and {@code VERSION}, the {@code current} link), the
 * update state under {@code state/update} ({@code download/}, {@code staged/} with
 * {@code install-request}, {@code pending.json}, {@code last-good}, and two directories of this
 * implementation: {@code reports/} (outcomes not yet told to the centre) and {@code failed/}
 * (versions refused or rolled back, never tried again)).
 */
public record UpdateLayout(Path home, Path state) {
    public static final String INSTALL_REQUEST = "install-request";

    /** From the configuration, with the launcher's {@code ZIZHU_HOME} / {@code ZIZHU_STATE} overriding it. */
    public static UpdateLayout of(KioskConfig config, Map<String, String> env) {
        String h = env.get("ZIZHU_HOME");
        String s = env.get("ZIZHU_STATE");
        return new UpdateLayout(h != null && !h.isBlank() ? Path.of(h) : Path.of(config.get(ConfigKey.UPDATE_HOME)),
                s != null && !s.isBlank() ? Path.of(s) : config.dataDir());
    }

    public Path releases() {
        return home.resolve("releases");
    }

    public Path release(String version) {
        return releases().resolve(ReleaseSigning.requireVersion(version));
    }

    public Path current() {
        return home.resolve("current");
    }

    public Path updateDir() {
        return state.resolve("update");
    }

    public Path download() {
        return updateDir().resolve("download");
    }

    public Path staged() {
        return updateDir().resolve("staged");
    }

    public Path installRequest() {
        return staged().resolve(INSTALL_REQUEST);
    }

    public Path pending() {
        return updateDir().resolve("pending.json");
    }

    public Path lastGood() {
        return updateDir().resolve("last-good");
    }

    public Path reports() {
        return updateDir().resolve("reports");
    }

    public Path failed() {
        return updateDir().resolve("failed");
    }

    /** The version {@code current} points at (the link's target directory name), if any. */
    public Optional<String> currentVersion() {
        try {
            if (!Files.isSymbolicLink(current())) {
                return Optional.empty();
            }
            Path target = Files.readSymbolicLink(current());
            String v = target.getFileName().toString();
            return ReleaseSigning.VERSION.matcher(v).matches() ? Optional.of(v) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The last committed version, if recorded. */
    public Optional<String> lastGoodVersion() {
        return readVersion(lastGood());
    }

    /** Whether a version was refused or rolled back here (it is not downloaded again). */
    public boolean failedBefore(String version) {
        return Files.exists(failed().resolve(ReleaseSigning.requireVersion(version)));
    }

    /** Marks a version as not to be tried again, with a reason tag. */
    public void markFailed(String version, String reason) throws IOException {
        Path f = failed().resolve(ReleaseSigning.requireVersion(version));
        AtomicFiles.write(stateDir(failed()).resolve(f.getFileName()), (reason + "\n").getBytes(StandardCharsets.UTF_8));
        giveToStateOwner(f);
    }

    /**
     * Creates a directory under the state directory, each new level owned like the state
     * directory itself. The guard and the installer run as root and write here; what they create
     * must stay the kiosk's (user zizhu): it deletes reports once sent and writes failure marks.
     */
    public Path stateDir(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Path root = state.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new IOException(dir + " is outside the state directory");
        }
        Files.createDirectories(root);
        Path p = root;
        for (Path part : root.relativize(abs)) {
            p = p.resolve(part);
            if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                // A link (or a file) where a directory of ours belongs: root would write through it
                // to wherever it points, and give what it wrote there to the kiosk's user.
                throw new IOException(p + " is not a directory (a link?): refusing to write through it");
            }
            try {
                Files.createDirectory(p);
                giveToStateOwner(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile (the kiosk): fine if it is a directory, not a link
                if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(p + " is not a directory (a link?): refusing to write through it", e);
                }
            }
        }
        return dir;
    }

    /** Gives a file the state directory's owner (a no-op unless root created it for the kiosk). */
    public void giveToStateOwner(Path p) {
        try {
            var owner = Files.getOwner(state);
            if (!Files.getOwner(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(owner)) {
                // lchown: a link put in place of the file must not hand its target to the kiosk's user.
                var view = Files.getFileAttributeView(p, java.nio.file.attribute.FileOwnerAttributeView.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (view != null) {
                    view.setOwner(owner);
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not root, or no owners on this file system: the file is ours already. As root it is
            // a real fault (the kiosk's user could not update or delete the file: a report sent
            // again at every round, a trial it cannot commit), so it is said where the
            // technician will look.
            if ("root".equals(System.getProperty("user.name"))) {
                System.getLogger(UpdateLayout.class.getName()).log(System.Logger.Level.WARNING,
                        "could not give " + p + " to the kiosk's user: " + e);
            }
        }
    }

    /**
     * The release this JVM runs from: the {@code VERSION} beside the {@code lib/} that holds
     * this class's jar ({@code releases/<v>/lib/kiosk-app.jar}). Empty when run from a build tree
     * (class directories, {@code target/lib}), where there is no release.
     */
    public static Optional<String> runningRelease() {
        try {
            java.security.CodeSource src = UpdateLayout.class.getProtectionDomain().getCodeSource();
            return src == null ? Optional.empty() : releaseOf(Path.of(src.getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The release a jar belongs to: {@code <release>/lib/<jar>} with {@code <release>/VERSION}. */
    static Optional<String> releaseOf(Path jar) {
        Path lib = jar.toAbsolutePath().getParent();
        if (!Files.isRegularFile(jar) || lib == null || !"lib".equals(String.valueOf(lib.getFileName())) || lib.getParent() == null) {
            return Optional.empty();
        }
        return readVersion(lib.getParent().resolve("VERSION"));
    }

    static Optional<String> readVersion(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 200) {
                return Optional.empty();
            }
            String v = Files.readString(file, StandardCharsets.UTF_8).strip();
            return ReleaseSigning.VERSION.matcher(v).matches() ? Optional.of(v) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
