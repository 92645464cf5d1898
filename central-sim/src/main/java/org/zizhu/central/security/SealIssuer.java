package org.zizhu.central.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;

/**
 * The issuer's electronic seal (004_* article 18): an SM2 key pair whose signatures over the
 * SM3 digest of a document's bytes the terminal verifies with the published public key.
 */
public final class SealIssuer {
    private final String keyId;
    private final KeyPair keys;

    private SealIssuer(String keyId, KeyPair keys) {
        this.keyId = keyId;
        this.keys = keys;
    }

    public static SealIssuer generate() throws GeneralSecurityException {
        return new SealIssuer("bt-seal-1", Crypto.sm2KeyPair());
    }

    public static SealIssuer loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Path f = dir.resolve("seal-sm2-key.pem");
        Path pub = dir.resolve("seal-sm2-pub.pem");
        if (Files.exists(f) && Files.exists(pub)) {
            return new SealIssuer("bt-seal-1", new KeyPair(Pem.publicKey(Files.readString(pub)), Pem.privateKey(Files.readString(f))));
        }
        Files.createDirectories(dir);
        SealIssuer s = generate();
        StateFiles.writePrivate(f, Pem.encode(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(s.keys.getPrivate(), null)));
        Files.writeString(pub, s.publicKeyPem());
        return s;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return Pem.encode(keys.getPublic());
    }

    public java.security.PublicKey publicKey() {
        return keys.getPublic();
    }

    /** Base64 of the DER SM2 signature over SM3(content). */
    public String sign(byte[] content) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(Crypto.sm2Sign(keys.getPrivate(), content));
    }
}
