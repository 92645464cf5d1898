package org.zizhu.ofd.issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ofdrw.gm.ses.v4.SESeal;
import org.zizhu.ofd.GmCrypto;
import org.zizhu.ofd.TrustList;

/**
 * An issuing body (发证机关) as the centre holds it: its code and name, its SM2 signing key and
 * certificate (signed by the {@link SealAuthority}), and its electronic seal (GB/T 38540 SESeal
 * v4, DER) made by the seal CA and naming that certificate.
 *
 * <p>{@code toString} leaves the key out.
 */
public record IssuingBody(String code, String name, PrivateKey key, X509Certificate certificate, byte[] sealEsl) {
    /** Codes become file names in the state directory, so they are kept to a safe alphabet. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public IssuingBody {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("body code must match " + CODE);
        }
        sealEsl = sealEsl.clone();
    }

    @Override
    public byte[] sealEsl() {
        return sealEsl.clone();
    }

    /** The parsed seal, for ofdrw's signer. */
    public SESeal seal() {
        return SESeal.getInstance(sealEsl);
    }

    /** This body as a trust-list entry: its signer fingerprint, valid as long as its certificate. */
    public TrustList.Body trustEntry() {
        return new TrustList.Body(code, name, Set.of(GmCrypto.fingerprint(certificate)),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /**
     * Writes the body into {@code dir} as {@code body-CODE.key.pem} (owner-only: it is the
     * body's signing key), {@code body-CODE.crt.pem}, {@code body-CODE.esl} and
     * {@code body-CODE.name} (UTF-8).
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        StateFiles.writePrivate(dir.resolve("body-" + code + ".key.pem"), Pem.encode(key));
        Files.writeString(dir.resolve("body-" + code + ".crt.pem"), Pem.encode(certificate), StandardCharsets.US_ASCII);
        Files.write(dir.resolve("body-" + code + ".esl"), sealEsl);
        Files.writeString(dir.resolve("body-" + code + ".name"), name, StandardCharsets.UTF_8);
    }

    /** Reads a body {@link #save saved} in {@code dir}. */
    public static IssuingBody load(Path dir, String code) throws IOException {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("body code must match " + CODE);
        }
        PrivateKey key = Pem.privateKey(Files.readString(dir.resolve("body-" + code + ".key.pem"), StandardCharsets.US_ASCII));
        X509Certificate cert = Pem.certificate(Files.readString(dir.resolve("body-" + code + ".crt.pem"), StandardCharsets.US_ASCII));
        byte[] esl = Files.readAllBytes(dir.resolve("body-" + code + ".esl"));
        String name = Files.readString(dir.resolve("body-" + code + ".name"), StandardCharsets.UTF_8).strip();
        try {
            SESeal.getInstance(esl); // fail at load, not at the first issue
        } catch (RuntimeException e) {
            throw new IOException("unreadable seal for body " + code, e);
        }
        return new IssuingBody(code, name, key, cert, esl);
    }

    static boolean exists(Path dir, String code) {
        return Files.exists(dir.resolve("body-" + code + ".key.pem"));
    }

    @Override
    public String toString() {
        return "IssuingBody[" + code + ", " + name + "]";
    }
}
