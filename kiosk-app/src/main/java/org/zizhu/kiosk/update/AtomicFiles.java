package org.zizhu.kiosk.update;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Small state files written whole or not at all: a temporary file beside the target, fsynced,
 * renamed over it. A power cut during an update leaves the old content or the new, never half
 * (pending.json and last-good decide which version starts).
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        // Root (guard, installer) writes here into directories the kiosk's user owns: a link left at
        // the temporary name must not be followed (it would have root write wherever it points).
        // The link itself is removed; a new file is created exclusively (O_EXCL does not follow links).
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Points {@code current} at {@code releases/<version>} atomically: a new relative link
     * {@code current.new}, renamed over {@code current} (rename(2) replaces a symlink whole).
     */
    static void switchCurrent(UpdateLayout layout, String version) throws IOException {
        Path target = layout.release(version);
        if (!Files.isDirectory(target)) {
            throw new IOException("no release directory for " + version);
        }
        Path next = layout.home().resolve("current.new");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, layout.home().relativize(target));
        Files.move(next, layout.current(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
