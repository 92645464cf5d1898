package org.zizhu.device.smartcard.technician;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** NIST P-256 keys with the JDK's own provider (SunEC): encoding, decoding, key ids. */
public final class EcKeys {
    private static final ECParameterSpec P256 = p256();

    private EcKeys() {
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256 support", e);
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** Uncompressed point {@code 04 || X || Y} (65 bytes). */
    public static byte[] encodePoint(PublicKey key) {
        if (!(key instanceof ECPublicKey ec) || !ec.getParams().getCurve().equals(P256.getCurve())) {
            throw new IllegalArgumentException("not a P-256 public key");
        }
        byte[] out = new byte[65];
        out[0] = 0x04;
        copyFixed(ec.getW().getAffineX(), out, 1);
        copyFixed(ec.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copyFixed(BigInteger v, byte[] out, int at) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, at + 32 - n, n);
    }

    /** Decodes an uncompressed P-256 point; the JDK checks that it lies on the curve. */
    public static ECPublicKey decodePoint(byte[] point) {
        if (point == null || point.length != 65 || point[0] != 0x04) {
            throw new IllegalArgumentException("EC point must be 65 bytes, uncompressed (04 || X || Y)");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("EC point is not a valid P-256 public key", e);
        }
    }

    /** Key id: the first 8 bytes of SHA-256 over the X.509 SubjectPublicKeyInfo encoding. */
    public static byte[] keyId(PublicKey key) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a base64 X.509 SubjectPublicKeyInfo (as in {@code openssl ec -pubout -outform DER | base64}). */
    public static PublicKey publicKeyFromBase64(String b64) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 EC public key", e);
        }
    }

    /** Reads a base64 PKCS#8 EC private key. */
    public static PrivateKey privateKeyFromBase64(String b64) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 EC private key", e);
        }
    }
}
