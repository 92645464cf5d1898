package org.zizhu.central;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs central-sim as its own process. Defaults: mutual-TLS listener on 8443, plain-HTTP
 * development listener on 8480, CA and seal keys kept in {@code var/central-sim} so enrolled
 * terminals stay valid across restarts.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) throws Exception {
        CentralSimulator.Builder b = CentralSimulator.builder().port(8480).httpsPort(8443).stateDir(Path.of("var/central-sim"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--port" -> { b.port(parsePort(v)); i++; }
                case "--host" -> { b.host(require(a, v)); i++; }
                case "--catalog-dir" -> { b.catalogDir(Path.of(require(a, v))); i++; }
                case "--public-url" -> { b.publicBaseUrl(require(a, v)); i++; }
                case "--lenient" -> b.strict(false);
                case "--https-port" -> { b.httpsPort(parsePort(v)); i++; }
                case "--state-dir" -> { b.stateDir(Path.of(require(a, v))); i++; }
                case "--seed-dir" -> { b.seedDir(Path.of(require(a, v))); i++; }
                case "--no-plain-http" -> b.plainHttp(false);
                case "--pay-after-polls" -> { b.payAfterPolls(Integer.parseInt(require(a, v))); i++; }
                case "-h", "--help" -> {
                    System.out.println("usage: central-sim [--host 127.0.0.1] [--port 8480] [--https-port 8443] [--state-dir var/central-sim]\n"
                            + "                   [--catalog-dir DIR] [--seed-dir DIR] [--public-url URL] [--no-plain-http] [--pay-after-polls N] [--lenient]");
                    return 0;
                }
                default -> {
                    System.err.println("central-sim: unknown argument " + a);
                    return 2;
                }
            }
        }
        CentralSimulator sim = b.start();
        System.out.println("central-sim ready " + sim.httpsBaseUrl() + " (mutual TLS)"
                + (sim.hasPlainHttp() ? " and " + sim.baseUrl() + " (plain HTTP, development only)" : ""));
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            done.countDown();
        }));
        done.await();
        return 0;
    }

    private static String require(String flag, String v) {
        if (v == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return v;
    }

    private static int parsePort(String v) {
        try {
            int p = Integer.parseInt(require("--port", v));
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + v);
        }
    }
}
