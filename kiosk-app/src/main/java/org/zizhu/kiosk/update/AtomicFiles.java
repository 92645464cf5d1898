package org.zizhu.kiosk.update;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Small state files written whole or not at all: a temporary file beside the target, fsynced,
 * renamed over it. A power cut during an update leaves the old content or the new, never half
 * (pending.json and last-good decide which version starts).
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path file, byte[] content) throws IOException {
        if (AS_ROOT) {
            writeAsRoot(file.toAbsolutePath().normalize(), content);
            return;
        }
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

    /** Whether this process is root (the guard and the installer, run by systemd). */
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    /**
     * Root's write, by directory handle, not by path. The guard and the installer write into
     * directories the kiosk's user owns. A check on the path ("not a link") followed by a write on
     * the path leaves a window in which that user could swap a directory for a link to one of
     * root's, and root would write there. So the directories are opened one by one from {@code /},
     * each relative to the one before (openat); below the first directory that is not root's alone
     * (owned by another user, or writable by group or others) a link is refused, not followed. A
     * link in a directory that is root's alone is root's own and is followed as a whole. The
     * temporary file is created, given the owner of its directory and renamed, all relative to the
     * final directory's handle, so what root writes lands where it checked.
     *
     * <p>What is left: Java opens a directory, and a file to change its owner, without
     * {@code O_NONBLOCK}, so a FIFO the kiosk's user swaps in between the type check (fstatat, no
     * open) and the open would make root wait until systemd's timeout ends the unit. That user can
     * stop its own kiosk anyway; nothing is written anywhere else. A hard link swapped in for the
     * temporary file before its owner is changed would hand that file over, but Debian sets
     * {@code fs.protected_hardlinks=1}, which stops the kiosk's user from making one to a file it
     * cannot write.
     */
    static void writeAsRoot(Path file, byte[] content) throws IOException {
        Path name = file.getFileName();
        Path tmp = Path.of("." + name + ".tmp");
        try (SecureDirectoryStream<Path> dir = openDirectory(file.getParent())) {
            try {
                dir.deleteFile(tmp);
            } catch (NoSuchFileException e) {
                // nothing left over
            }
            try {
                try (SeekableByteChannel ch = dir.newByteChannel(tmp,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
                    ByteBuffer b = ByteBuffer.wrap(content);
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    if (ch instanceof FileChannel fc) {
                        fc.force(true);
                    }
                }
                // The kiosk runs with UMask=0027 and its guard with it: without this a file root
                // leaves (pending.json, a report) would be unreadable to the kiosk's user.
                UserPrincipal owner = dir.getFileAttributeView(PosixFileAttributeView.class).readAttributes().owner();
                PosixFileAttributeView made = dir.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                PosixFileAttributes now = made.readAttributes(); // fstatat: opens nothing
                if (!now.isRegularFile()) {
                    throw new IOException(file + ": the temporary file was replaced (" + kind(now) + "): refusing to go on");
                }
                if (!now.owner().equals(owner)) {
                    made.setOwner(owner);
                }
                dir.move(tmp, dir, name);
            } catch (IOException | RuntimeException e) {
                try {
                    dir.deleteFile(tmp);
                } catch (IOException ignored) {
                    // gone already, or never made; the error that matters is e
                }
                throw e;
            }
        }
    }

    /** The directory {@code dir}, opened from {@code /} one name at a time as {@link #writeAsRoot} says. */
    static SecureDirectoryStream<Path> openDirectory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        DirectoryStream<Path> top = Files.newDirectoryStream(abs.getRoot());
        if (!(top instanceof SecureDirectoryStream<Path> current)) {
            top.close();
            throw new IOException("no directory handles on this platform: refusing to write as root by path");
        }
        boolean rootsAlone = true;
        try {
            for (Path part : abs.getRoot().relativize(abs)) {
                rootsAlone = rootsAlone && rootsAlone(current);
                LinkOption[] follow = rootsAlone ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
                // Look before opening (fstatat opens nothing): opening a FIFO would wait for a writer.
                BasicFileAttributes seen;
                try {
                    seen = current.getFileAttributeView(part, BasicFileAttributeView.class, follow).readAttributes();
                } catch (NoSuchFileException e) {
                    throw new NoSuchFileException(abs.toString(), null, part + " does not exist");
                }
                if (!seen.isDirectory()) {
                    throw new IOException(abs + ": " + part + " is not a directory (" + kind(seen) + "): refusing to write through it");
                }
                SecureDirectoryStream<Path> next;
                try {
                    next = current.newDirectoryStream(part, follow);
                } catch (FileSystemException e) {
                    throw new IOException(abs + ": " + part + " could not be opened as a directory (" + e.getReason() + ", a link put in its place?): refusing to write through it", e);
                }
                SecureDirectoryStream<Path> previous = current;
                current = next; // closed by the catch below if closing the previous one fails
                previous.close();
            }
            return current;
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    private static String kind(BasicFileAttributes a) {
        return a.isSymbolicLink() ? "a link" : a.isRegularFile() ? "a file" : a.isDirectory() ? "a directory" : "a device or FIFO";
    }

    /** Owned by root and writable by nobody else: only root could have put a link in it. */
    private static boolean rootsAlone(SecureDirectoryStream<Path> dir) throws IOException {
        PosixFileAttributes a = dir.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
        Set<PosixFilePermission> p = a.permissions();
        return "root".equals(a.owner().getName())
                && !p.contains(PosixFilePermission.GROUP_WRITE) && !p.contains(PosixFilePermission.OTHERS_WRITE);
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
