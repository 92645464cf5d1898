package org.zizhu.update;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * The vendor's side of signed updates: {@code zizhu update keygen --out DIR} makes the release
 * signing key pair (the private key stays with the vendor, {@code release-key.pub} goes into the
 * package as {@code /usr/share/zizhu/release-key.pub}); {@code zizhu update sign --key PRIVATE.pem
 * --version V --tarball FILE --out DIR} publishes a release (tarball, manifest, signature) into a
 * directory central-sim serves ({@code sim central --releases-dir DIR}).
 */
public abstract class ReleaseToolCommand<O> extends OptionsCommand<O> {
    @Override
    public Kind kind() {
        return Kind.UPDATE;
    }

    /** {@code zizhu update keygen}. */
    public static final class Keygen extends ReleaseToolCommand<Keygen.Options> {
        static final class Options {
            @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
        }

        @Override
        public String name() {
            return "keygen";
        }

        @Override
        public String summary() {
            return "make the release signing key pair (vendor side): release-key.pem (private), release-key.pub";
        }

        @Override
        protected Options options() {
            return new Options();
        }

        @Override
        protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
            Files.createDirectories(o.out);
            Path priv = o.out.resolve("release-key.pem");
            Path pub = o.out.resolve("release-key.pub");
            if (Files.exists(priv)) {
                throw new UsageException(priv + " exists; refusing to overwrite a signing key");
            }
            KeyPair kp = ReleaseSigning.generate();
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(priv, ReleaseSigning.privateKeyPem(kp.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(pub, ReleaseSigning.publicKeyPem(kp.getPublic()), StandardCharsets.US_ASCII);
            out.println("{\"privateKey\":\"" + priv + "\",\"publicKey\":\"" + pub + "\"}");
            return 0;
        }
    }

    /** {@code zizhu update sign}. */
    public static final class Sign extends ReleaseToolCommand<Sign.Options> {
        static final class Options {
            @Option(names = "--key", required = true, paramLabel = "PRIVATE.pem") Path key;
            @Option(names = "--version", required = true, paramLabel = "V") String version;
            @Option(names = "--tarball", required = true, paramLabel = "FILE.tar.gz") Path tarball;
            @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
        }

        @Override
        public String name() {
            return "sign";
        }

        @Override
        public String summary() {
            return "publish a release: copy the tarball, write its manifest and Ed25519 signature (vendor side)";
        }

        @Override
        protected Options options() {
            return new Options();
        }

        @Override
        protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
            try {
                ReleaseSigning.requireVersion(o.version);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e);
            }
            var f = ReleaseSigning.publish(o.tarball, o.version, ReleaseSigning.readPrivateKey(o.key), o.out);
            out.println(new String(Files.readAllBytes(f.manifest()), StandardCharsets.UTF_8).strip());
            return 0;
        }
    }
}
