package org.zizhu.kiosk.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.zizhu.update.ReleaseSigning;

/**
 * The one check a release passes before anything of it is used, done by the kiosk after the
 * download and again by the root installer before it unpacks: the signature over the manifest
 * against the pinned key first (nothing the manifest says is believed before), then the
 * manifest's form and version, then the tarball's size and SHA-256.
 */
public final class ReleaseCheck {
    private ReleaseCheck() {
    }

    /** Why a release was refused, as a tag for logs and the centre: signature, manifest, version, size, sha256, too-large. */
    public static final class Refused extends Exception {
        private final String reason;

        public Refused(String reason) {
            super("release refused: " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Checks the signed manifest alone (before a download: its size bounds the transfer). */
    public static Manifest manifest(PublicKey key, byte[] manifest, byte[] signature, String expectedVersion, long maxBytes) throws Refused {
        if (!ReleaseSigning.verify(key, manifest, signature)) {
            throw new Refused("signature");
        }
        Manifest m = Manifest.parse(manifest);
        if (!m.version().equals(expectedVersion)) {
            throw new Refused("version");
        }
        if (m.size() > maxBytes) {
            throw new Refused("too-large");
        }
        return m;
    }

    /** Checks the whole release: signed manifest, then the tarball against it. */
    public static Manifest release(PublicKey key, byte[] manifest, byte[] signature, String expectedVersion, long maxBytes, Path tarball)
            throws Refused, IOException {
        Manifest m = manifest(key, manifest, signature, expectedVersion, maxBytes);
        if (!Files.isRegularFile(tarball) || Files.size(tarball) != m.size()) {
            throw new Refused("size");
        }
        if (!ReleaseSigning.sha256Hex(tarball).equals(m.sha256())) {
            throw new Refused("sha256");
        }
        return m;
    }

    /** Checks a release as published in a directory ({@code <v>.tar.gz}, {@code .manifest.json}, {@code .sig}). */
    public static Manifest files(PublicKey key, Path dir, String version, long maxBytes) throws Refused, IOException {
        ReleaseSigning.Published f = ReleaseSigning.filesOf(dir, version);
        if (!Files.isRegularFile(f.manifest()) || !Files.isRegularFile(f.signature()) || Files.size(f.manifest()) > 4096 || Files.size(f.signature()) > 200) {
            throw new Refused("manifest");
        }
        byte[] sig;
        try {
            sig = ReleaseSigning.decodeSignature(Files.readAllBytes(f.signature()));
        } catch (IllegalArgumentException e) {
            throw new Refused("signature");
        }
        return release(key, Files.readAllBytes(f.manifest()), sig, version, maxBytes, f.tarball());
    }
}
