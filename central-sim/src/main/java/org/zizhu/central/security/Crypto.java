package org.zizhu.central.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The national-algorithm primitives the centre uses for seals: SM2 signatures over SM3
 * digests, through BouncyCastle (the JDK has neither). The provider is used by instance and
 * never installed globally, so the JDK's TLS stack is unaffected.
 */
public final class Crypto {
    public static final Provider BC = new BouncyCastleProvider();
    /** GB/T 32918 default signer id, used when none is agreed. */
    public static final byte[] SM2_USER_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    public static KeyPair sm2KeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
        return g.generateKeyPair();
    }

    /** NIST P-256 keys for TLS (the JDK's TLS stack does not speak SM2). */
    public static KeyPair p256KeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    public static byte[] sm2Sign(PrivateKey key, byte[] content) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SM3withSM2", BC);
        s.setParameter(new SM2ParameterSpec(SM2_USER_ID));
        s.initSign(key, RANDOM);
        s.update(content);
        return s.sign();
    }

    public static boolean sm2Verify(PublicKey key, byte[] content, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SM3withSM2", BC);
        s.setParameter(new SM2ParameterSpec(SM2_USER_ID));
        s.initVerify(key);
        s.update(content);
        return s.verify(signature);
    }

    public static BigInteger serial() {
        return new BigInteger(96, RANDOM).abs().add(BigInteger.ONE);
    }
}
