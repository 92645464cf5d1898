package org.zizhu.central;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs central-sim as its own process: {@code --port N --catalog-dir DIR --public-url URL --lenient}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) throws Exception {
        CentralSimulator.Builder b = CentralSimulator.builder().port(8480);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--port" -> { b.port(parsePort(v)); i++; }
                case "--host" -> { b.host(require(a, v)); i++; }
                case "--catalog-dir" -> { b.catalogDir(Path.of(require(a, v))); i++; }
                case "--public-url" -> { b.publicBaseUrl(require(a, v)); i++; }
                case "--lenient" -> b.strict(false);
                case "-h", "--help" -> {
                    System.out.println("usage: central-sim [--host 127.0.0.1] [--port 8480] [--catalog-dir DIR] [--public-url URL] [--lenient]");
                    return 0;
                }
                default -> {
                    System.err.println("central-sim: unknown argument " + a);
                    return 2;
                }
            }
        }
        CentralSimulator sim = b.start();
        System.out.println("central-sim ready " + sim.baseUrl());
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
