package org.zizhu.kiosk.printing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zizhu.central.security.DocumentSealing;
import org.zizhu.ofd.issue.DocumentSpec;

/**
 * OFD to print: a sealed one-page certificate from the central simulator's issuer to the PDF the
 * kiosk sends to CUPS (render at 300 dpi with the ID mask, watermark and QR, JPEG, PDF), warm.
 * Prints figures, asserts nothing about time (BENCHMARKS.md). Run with
 * {@code -DexcludedGroups=none -Dgroups=bench -Dtest=SealedDocumentPrintBench}.
 */
@Tag("bench")
class SealedDocumentPrintBench {
    @Test
    void sealedCertificateToPdf() throws Exception {
        byte[] ofd = DocumentSealing.create(null).issue("CERTIFICATE", new DocumentSpec("户籍证明",
                List.of(new DocumentSpec.Line("持证人", "王建国"), new DocumentSpec.Line("公民身份号码", "150202198503120016"),
                        new DocumentSpec.Line("证明内容", "经核查，王建国的户籍信息如上，特此证明。")),
                "包头市公安局", "ZM-BENCH-1", LocalDate.of(2026, 12, 2), "https://zwfw.example.gov.cn/verify/ZM-BENCH-1",
                "{}".getBytes(StandardCharsets.UTF_8)), "11150200MB1532145Q", "包头市公安局", null, false);
        SealedDocumentPrint print = new SealedDocumentPrint();
        String link = "https://zwfw.example.gov.cn/verify/ZM-BENCH-1?h=" + "ab".repeat(32);
        long t0 = System.nanoTime();
        int size = print.pdf(ofd, "此件由包头市公安局提供，仅供办理政务服务事项时使用", link).length;
        System.out.printf("first pdf in this JVM: %.1f ms (%d bytes)%n", (System.nanoTime() - t0) / 1e6, size);
        for (int i = 0; i < 10; i++) {
            print.pdf(ofd, "此件由包头市公安局提供，仅供办理政务服务事项时使用", link);
        }
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            print.pdf(ofd, "此件由包头市公安局提供，仅供办理政务服务事项时使用", link);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("sealed page -> PDF, warm (n=30 after 10): min %.1f median %.1f p95 %.1f max %.1f ms%n",
                ms[0], ms[15], ms[28], ms[29]);
    }
}
