package org.zizhu.central.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The centre's key and serial primitives for its TLS CA, through one BouncyCastle provider used
 * by instance and never installed globally, so the JDK's TLS stack is unaffected. (Seals are
 * org.zizhu.ofd.issue's: GB/T 38540 over SM2/SM3.)
 */
public final class Crypto {
    public static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    /** NIST P-256 keys for TLS (the JDK's TLS stack does not speak SM2). */
    public static KeyPair p256KeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    public static BigInteger serial() {
        return new BigInteger(96, RANDOM).abs().add(BigInteger.ONE);
    }
}
