package org.zizhu.ofd.issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secret files readable by the owner only (0600 on POSIX). The same as central-sim's
 * StateFiles, which this module cannot depend on (central-sim depends on it).
 */
final class StateFiles {
    private StateFiles() {
    }

    static void writePrivate(Path file, String content) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.deleteIfExists(file);
        if (posix) {
            // Created with the mode, not chmod-ed after: no moment where the key is world-readable.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
