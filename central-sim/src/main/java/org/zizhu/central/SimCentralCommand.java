package org.zizhu.central;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.ToolArgs;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code scripts/kiosk sim central [--port N] ...} (and {@link Main} on its own): runs the
 * reference central platform until the process is stopped. Defaults: mutual-TLS listener on
 * 8443, plain-HTTP development listener on 8480, CA and seal keys kept in {@code var/central-sim}
 * so enrolled terminals stay valid across restarts.
 */
public final class SimCentralCommand extends OptionsCommand<SimCentralCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.SIM;
    }

    @Override
    public String name() {
        return "central";
    }

    @Override
    public String summary() {
        return "run the reference central platform (central-sim) on loopback";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--host", paramLabel = "127.0.0.1") String host;
        @Option(names = "--port", paramLabel = "8480") int port = 8480;
        @Option(names = "--https-port", paramLabel = "8443") int httpsPort = 8443;
        @Option(names = "--state-dir", paramLabel = "var/central-sim") Path stateDir = Path.of("var/central-sim");
        @Option(names = "--catalog-dir", paramLabel = "DIR") Path catalogDir;
        @Option(names = "--seed-dir", paramLabel = "DIR") Path seedDir;
        @Option(names = "--public-url", paramLabel = "URL") String publicUrl;
        @Option(names = "--lenient") boolean lenient;
        @Option(names = "--no-plain-http") boolean noPlainHttp;
        @Option(names = "--pay-after-polls", paramLabel = "N") Integer payAfterPolls;
        @Option(names = "--releases-dir", paramLabel = "DIR") Path releasesDir;
        @Option(names = "--release-target", paramLabel = "TERMINAL=VERSION") java.util.List<String> releaseTargets = new java.util.ArrayList<>();
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        CentralSimulator.Builder b = CentralSimulator.builder()
                .port(ToolArgs.inRange("--port", o.port, 0, 65535))
                .httpsPort(ToolArgs.inRange("--https-port", o.httpsPort, 0, 65535))
                .stateDir(o.stateDir)
                .strict(!o.lenient)
                .plainHttp(!o.noPlainHttp);
        // The rest keep the builder's own defaults unless given.
        if (o.host != null) {
            b.host(o.host);
        }
        if (o.catalogDir != null) {
            b.catalogDir(o.catalogDir);
        }
        if (o.seedDir != null) {
            b.seedDir(o.seedDir);
        }
        if (o.publicUrl != null) {
            b.publicBaseUrl(o.publicUrl);
        }
        if (o.payAfterPolls != null) {
            b.payAfterPolls(o.payAfterPolls);
        }
        if (o.releasesDir != null) {
            b.releasesDir(o.releasesDir);
        }
        CentralSimulator sim = start(b);
        for (String t : o.releaseTargets) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                sim.close();
                throw new UsageException("--release-target takes TERMINAL=VERSION");
            }
            sim.releases().target(t.substring(0, eq), t.substring(eq + 1));
        }
        out.println("central-sim ready " + sim.httpsBaseUrl() + " (mutual TLS)"
                + (sim.hasPlainHttp() ? " and " + sim.baseUrl() + " (plain HTTP, development only)" : ""));
        // What an enrolment QR code carries, for the commissioning wizard's camera (make the QR with any generator).
        for (var code : sim.seed().enrolmentCodes()) {
            out.println("enrolment code " + code.code() + (code.reusable() ? " (reusable)" : "") + ": QR payload " + code.qrPayload());
        }
        out.flush();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            done.countDown();
        }));
        done.await();
        return 0;
    }

    private static CentralSimulator start(CentralSimulator.Builder b) throws IOException, UsageException {
        try {
            return b.start();
        } catch (IllegalArgumentException e) {
            // A directory or URL the simulator cannot use: the technician's arguments, so exit 2.
            throw new UsageException(e);
        }
    }
}
