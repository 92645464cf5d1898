package org.zizhu.kiosk.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.zizhu.kiosk.storage.SecureFiles;
import org.zizhu.kiosk.central.TerminalCredentials;

/**
 * Encrypts outbox bodies at rest: AES-256-GCM with a random 96-bit nonce per message and the
 * message's kind and idempotency key as associated data (a body cannot be swapped onto another
 * row unnoticed). The key is 32 random bytes in {@code <data.dir>/credentials/outbox.key}
 * (0600), made on first use; it is never logged. Losing the key makes queued bodies unreadable
 * (they become dead letters), never readable by someone else.
 */
public final class OutboxCipher {
    public static final String KEY_FILE = "outbox.key";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private OutboxCipher(SecretKey key) {
        this.key = key;
    }

    public static OutboxCipher open(Path dataDir) throws IOException {
        Path f = TerminalCredentials.dir(dataDir).resolve(KEY_FILE);
        byte[] k;
        if (Files.exists(f)) {
            k = SecureFiles.read(f);
            if (k.length != 32) {
                throw new IOException("outbox key " + f + " is damaged (" + k.length + " bytes)");
            }
        } else {
            k = new byte[32];
            RANDOM.nextBytes(k);
            SecureFiles.write(f, k);
        }
        return new OutboxCipher(new SecretKeySpec(k, "AES"));
    }

    public byte[] seal(byte[] plain, String associated) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain);
            return ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public byte[] open(byte[] sealed, String associated) throws GeneralSecurityException {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed body too short");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
        c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        return c.doFinal(sealed, NONCE, sealed.length - NONCE);
    }
}
