package org.zizhu.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Release signing, one place for the vendor's side and the terminal's: Ed25519 (the JDK's own
 * provider, so neither side needs a library for it) over the release manifest, a small JSON
 * document that names the version, the tarball's file name, its size and its SHA-256. The
 * signature covers the manifest's exact bytes; the terminal checks it against the public key
 * pinned in the package before it trusts anything the manifest says.
 *
 * <p>Files of a published release, side by side: {@code <v>.tar.gz}, {@code <v>.manifest.json},
 * {@code <v>.sig} (the 64-byte signature in base64, one line). Keys are PEM: the public key as
 * X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY}), the private key as PKCS#8 ({@code PRIVATE KEY}),
 * the same files {@code openssl genpkey -algorithm ed25519} writes.
 */
public final class ReleaseSigning {
    public static final String ALGORITHM = "Ed25519";
    /** A version is also a file and directory name: no separators, no leading dot. */
    public static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+~-]{0,63}");
    public static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ReleaseSigning() {
    }

    /** A published release's files in a directory. */
    public record Published(Path tarball, Path manifest, Path signature) {
    }

    public static Published filesOf(Path dir, String version) {
        requireVersion(version);
        return new Published(dir.resolve(version + ".tar.gz"), dir.resolve(version + ".manifest.json"), dir.resolve(version + ".sig"));
    }

    public static String requireVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches() || version.equals("..") || version.contains("..")) {
            throw new IllegalArgumentException("not a release version: " + version);
        }
        return version;
    }

    public static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    }

    /**
     * The manifest's bytes. Written here rather than by a JSON library so the signed bytes are
     * fixed by this code alone (every value is checked to need no escaping).
     */
    public static byte[] manifest(String version, String file, long size, String sha256Hex) {
        requireVersion(version);
        if (!file.equals(version + ".tar.gz")) {
            throw new IllegalArgumentException("the tarball must be named <version>.tar.gz");
        }
        if (size <= 0 || !SHA256_HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("size must be positive and sha256 64 lower-case hex digits");
        }
        String json = "{\"format\":\"zizhu-release/1\",\"version\":\"" + version + "\",\"file\":\"" + file
                + "\",\"size\":" + size + ",\"sha256\":\"" + sha256Hex + "\"}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sign(PrivateKey key, byte[] manifest) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(manifest);
        return s.sign();
    }

    /** True only for a valid Ed25519 signature by {@code key} over exactly these bytes. */
    public static boolean verify(PublicKey key, byte[] manifest, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(manifest);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The signature file's content: base64 of the 64 bytes (whitespace around it ignored). */
    public static byte[] decodeSignature(byte[] file) {
        String s = new String(file, StandardCharsets.US_ASCII).strip();
        if (s.length() > 200) {
            throw new IllegalArgumentException("signature file too long");
        }
        return Base64.getDecoder().decode(s);
    }

    public static String sha256Hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes a tarball as release {@code version} into {@code outDir}: copies it as
     * {@code <v>.tar.gz} and writes the manifest and its signature beside it.
     */
    public static Published publish(Path tarball, String version, PrivateKey key, Path outDir) throws IOException, GeneralSecurityException {
        Files.createDirectories(outDir);
        Published f = filesOf(outDir, version);
        if (!tarball.toAbsolutePath().normalize().equals(f.tarball().toAbsolutePath().normalize())) {
            Files.copy(tarball, f.tarball(), StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] manifest = manifest(version, f.tarball().getFileName().toString(), Files.size(f.tarball()), sha256Hex(f.tarball()));
        Files.write(f.manifest(), manifest);
        Files.writeString(f.signature(), Base64.getEncoder().encodeToString(sign(key, manifest)) + "\n", StandardCharsets.US_ASCII);
        return f;
    }

    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static PublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(Files.readString(pem, StandardCharsets.US_ASCII), "PUBLIC KEY")));
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(pem, StandardCharsets.US_ASCII), "PRIVATE KEY")));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text, String type) throws GeneralSecurityException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new GeneralSecurityException("not a PEM " + type);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException x) {
            throw new GeneralSecurityException("bad base64 in PEM " + type, x);
        }
    }
}
