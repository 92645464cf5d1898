package org.zizhu.kiosk.update;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.zizhu.update.ReleaseSigning;

/**
 * Real release trees and tarballs for the update tests. What is real and what is not:
 * <ul>
 * <li>a <b>good</b> release is {@code VERSION} plus {@code lib/zizhu-release.jar}, a real jar
 *     whose manifest {@code Class-Path} names this test run's class path (the kiosk's compiled
 *     classes and every dependency jar) by absolute URL: started as the launcher starts a release
 *     ({@code java -cp "<home>/current/lib/*" org.zizhu.kiosk.Main ...}) it runs the kiosk's
 *     real code, without copying 100 MB of jars into every test release;</li>
 * <li>a <b>broken</b> release is {@code VERSION} plus a jar with nothing in it: the launcher's
 *     main class is missing, so every start fails at once, the way a release built wrong fails;</li>
 * <li>{@code padding.bin}, random bytes, makes the tarball large enough that a download cut in
 *     the middle is a real partial transfer.</li>
 * </ul>
 */
final class TestReleases {
    private TestReleases() {
    }

    static Path goodTree(Path dir, String version, int paddingBytes) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e).toAbsolutePath();
            urls.add(p.toUri().toString()); // directories end in '/' in their URI, as Class-Path needs
        }
        return tree(dir, version, String.join(" ", urls), paddingBytes);
    }

    static Path brokenTree(Path dir, String version) throws IOException {
        return tree(dir, version, null, 0);
    }

    private static Path tree(Path dir, String version, String classPath, int paddingBytes) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("VERSION"), version + "\n", StandardCharsets.UTF_8);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("lib/zizhu-release.jar")), m)) {
            jar.flush();
        }
        if (paddingBytes > 0) {
            byte[] b = new byte[paddingBytes];
            new Random(version.hashCode()).nextBytes(b);
            Files.write(dir.resolve("lib/padding.bin"), b);
        }
        return dir;
    }

    /** A gzip'd tar of a tree, names relative to it. */
    static Path tarGz(Path tree, Path out) throws IOException {
        try (OutputStream o = Files.newOutputStream(out); GZIPOutputStream gz = new GZIPOutputStream(o);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
             Stream<Path> walk = Files.walk(tree)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : walk.sorted().toList()) {
                if (p.equals(tree)) {
                    continue;
                }
                String name = tree.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                TarArchiveEntry e = new TarArchiveEntry(p.toFile(), name);
                tar.putArchiveEntry(e);
                if (Files.isRegularFile(p)) {
                    Files.copy(p, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        return out;
    }

    /** Builds, tars, signs and publishes a release into {@code pub}. */
    static ReleaseSigning.Published publish(Path work, Path pub, String version, boolean good, int padding, KeyPair key) throws Exception {
        Path tree = good ? goodTree(work.resolve("tree-" + version), version, padding) : brokenTree(work.resolve("tree-" + version), version);
        Path tgz = tarGz(tree, work.resolve("build-" + version + ".tar.gz"));
        return ReleaseSigning.publish(tgz, version, key.getPrivate(), pub);
    }
}
