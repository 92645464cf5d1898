package org.zizhu.kiosk.update;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Unpacks a release tarball as root without trusting its names: only regular files and
 * directories (no links, devices or FIFOs: a symlink could point out of the release, and a
 * later entry be written through it), every name relative and staying inside the destination
 * after normalisation (no {@code ..}, no absolute paths), no entry over the size bound and the
 * whole under it too, file modes reduced to 0644/0755 (no set-uid). commons-compress reads the
 * tar format (PAX and GNU long names included), which is easy to get subtly wrong by hand.
 */
public final class SafeUnpack {
    private SafeUnpack() {
    }

    /** Unpacks {@code tarGz} into {@code dest} (created, must be empty); refuses with a reason tag. */
    public static long untarGz(Path tarGz, Path dest, long maxBytes) throws IOException, ReleaseCheck.Refused {
        Files.createDirectories(dest);
        Path root = dest.toRealPath();
        long total = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarGz));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")) {
                    throw new ReleaseCheck.Refused("unsafe-path");
                }
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root)) {
                    throw new ReleaseCheck.Refused("unsafe-path");
                }
                for (Path p = root.relativize(target); p != null; p = p.getParent()) {
                    if (p.getFileName() != null && p.getFileName().toString().equals("..")) {
                        throw new ReleaseCheck.Refused("unsafe-path");
                    }
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                // An allow-list of the type flag: commons-compress's isFile() is true for every type
                // but a directory (devices and FIFOs included), which would come out as files here.
                if (e.getLinkFlag() != TarConstants.LF_NORMAL && e.getLinkFlag() != TarConstants.LF_OLDNORM) {
                    throw new ReleaseCheck.Refused("unsafe-entry");
                }
                if (e.getSize() < 0 || e.getSize() > maxBytes || total + e.getSize() > maxBytes) {
                    throw new ReleaseCheck.Refused("too-large");
                }
                Files.createDirectories(target.getParent());
                if (!target.getParent().toRealPath().startsWith(root)) {
                    throw new ReleaseCheck.Refused("unsafe-path");
                }
                // Counted while copying, so an oversized entry is refused at the limit, not after
                // it has filled the disk.
                try (var out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    byte[] buf = new byte[64 * 1024];
                    for (int r; (r = tar.read(buf)) != -1; ) {
                        total += r;
                        if (total > maxBytes) {
                            throw new ReleaseCheck.Refused("too-large");
                        }
                        out.write(buf, 0, r);
                    }
                }
                boolean exec = (e.getMode() & 0100) != 0;
                try {
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                } catch (UnsupportedOperationException ignored) {
                    // not POSIX
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ReleaseCheck.Refused("duplicate-entry");
        }
        return total;
    }
}
