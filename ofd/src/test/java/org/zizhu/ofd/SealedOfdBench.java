package org.zizhu.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zizhu.ofd.issue.IssuingBody;
import org.zizhu.ofd.issue.OfdIssuer;
import org.zizhu.ofd.issue.SealAuthority;

/**
 * Issue 13's figures: verifying a sealed one-page e-license on the kiosk (target ≤ 30 ms warm)
 * and issuing one at the centre. Excluded from the normal run; run with
 * {@code mvn -B -ntp -o -pl ofd -am test -DexcludedGroups=none -Dgroups=bench -Dtest=SealedOfdBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints figures only; nothing here asserts a time.
 */
@Tag("bench")
class SealedOfdBench {
    private static final int WARMUP = 50;
    private static final int RUNS = 200;
    private static final int ISSUE_RUNS = 20;

    @Test
    void verifyAndIssue() throws Exception {
        System.out.println("load average at start: " + load());
        long t = System.nanoTime();
        SealAuthority ca = SealAuthority.generate();
        Instant now = Instant.now();
        IssuingBody body = ca.issueBody("11110000MB0000001X", "紫竹市市场监督管理局", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)));
        double setup = ms(t);
        TrustList trust = ca.trustList(List.of(body));
        OfdIssuer issuer = new OfdIssuer();

        t = System.nanoTime();
        byte[] ofd = issuer.issue(Fixtures.spec(), body);
        double issueCold = ms(t);
        double[] issue = new double[ISSUE_RUNS];
        for (int i = 0; i < ISSUE_RUNS; i++) {
            t = System.nanoTime();
            ofd = issuer.issue(Fixtures.spec(), body);
            issue[i] = ms(t);
        }

        t = System.nanoTime();
        VerifiedOfd first = SealedOfdVerifier.verify(ofd, trust, Instant.now());
        double verifyFirst = ms(t);
        assertEquals(body.code(), first.bodyCode());
        for (int i = 0; i < WARMUP; i++) {
            SealedOfdVerifier.verify(ofd, trust, Instant.now());
        }
        double[] verify = new double[RUNS];
        double[] read = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            t = System.nanoTime();
            SealedOfdVerifier.verify(ofd, trust, Instant.now());
            verify[i] = ms(t);
            t = System.nanoTime();
            OfdArchive.read(ofd);
            read[i] = ms(t);
        }
        Path out = Path.of("target", "bench-license.ofd");
        Files.write(out, ofd); // a sample for the renderer's author; test output, not kiosk code

        System.out.printf("package: %d bytes (%s)%n", ofd.length, out.toAbsolutePath());
        System.out.printf("seal CA + one body (keys, certificates, seal picture), cold: %.0f ms%n", setup);
        System.out.printf("issue (layout + font subset + seal), first: %.0f ms; then n=%d: %s%n", issueCold, ISSUE_RUNS, stats(issue));
        System.out.printf("verify, first in this JVM: %.1f ms%n", verifyFirst);
        System.out.printf("verify, warm (after %d), n=%d: %s%n", WARMUP, RUNS, stats(verify));
        System.out.printf("  of which reading the zip into memory (OfdArchive.read), n=%d: %s%n", RUNS, stats(read));
        System.out.println("load average at end: " + load());
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String stats(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        return String.format("median %.2f ms, p95 %.2f ms, min %.2f ms, max %.2f ms", y[y.length / 2],
                y[(int) Math.ceil(y.length * 0.95) - 1], y[0], y[y.length - 1]);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
