package org.zizhu.kiosk.enrol;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.zizhu.central.security.CentreCa;
import org.zizhu.tls.MutualTls;

/**
 * A man in the middle on loopback: terminates TLS with a certificate that is not the centre's
 * and forwards the plaintext to central-sim's plain-HTTP listener, answers included. Counts the
 * bytes it managed to read from the terminal, so a test can show that nothing left it.
 */
final class TlsRelay implements AutoCloseable {
    private final SSLServerSocket server;
    private final int centrePort;
    private final AtomicLong handshakesStarted = new AtomicLong();
    private final AtomicLong bytesFromTerminal = new AtomicLong();
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /** Presents a certificate from its own CA, named like the centre's but with another key. */
    static TlsRelay withOwnCa(int centrePlainPort) throws Exception {
        return new TlsRelay(centrePlainPort, CentreCa.generate(List.of("localhost", "127.0.0.1")).serverContext());
    }

    /**
     * Presents its own key in a certificate naming the real centre CA as issuer, with the real
     * CA certificate (public, anyone has it) appended: the chain contains the pinned CA but
     * does not verify up to it.
     */
    static TlsRelay withCentreCaAppended(int centrePlainPort, X509Certificate centreCa) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair k = g.generateKeyPair();
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(centreCa.getSubjectX500Principal(), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Principal("CN=127.0.0.1,O=Zizhu Central Simulator,C=CN"), k.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate forged = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(k.getPrivate())));
        return new TlsRelay(centrePlainPort, MutualTls.context("server", k.getPrivate(), new X509Certificate[] {forged, centreCa}, centreCa));
    }

    private TlsRelay(int centrePlainPort, SSLContext impostor) throws Exception {
        this.centrePort = centrePlainPort;
        this.server = (SSLServerSocket) impostor.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("tls-relay").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    String baseUrl() {
        return "https://127.0.0.1:" + port() + "/api/v1";
    }

    /** Connections that reached the TLS handshake (shows the terminal did come through the relay). */
    long handshakesStarted() {
        return handshakesStarted.get();
    }

    /** Plaintext bytes the relay read from the terminal after the handshake. */
    long bytesFromTerminal() {
        return bytesFromTerminal.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> relay(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(SSLSocket terminal) {
        try (terminal) {
            handshakesStarted.incrementAndGet();
            terminal.startHandshake();
            try (Socket centre = new Socket()) {
                open.add(centre);
                centre.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), centrePort), 2_000);
                Thread back = Thread.ofVirtual().start(() -> pump(centre, terminal, null));
                pump(terminal, centre, bytesFromTerminal);
                back.join(5_000);
            }
        } catch (IOException | InterruptedException e) {
            // The terminal refused our certificate, or a side hung up: the relay just drops it.
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (counter != null) {
                    counter.addAndGet(n);
                }
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed; the other direction ends on its own.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
