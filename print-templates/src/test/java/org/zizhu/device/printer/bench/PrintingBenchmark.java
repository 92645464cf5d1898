package org.zizhu.device.printer.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zizhu.device.printer.escpos.EscPosJob;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.print.AcceptanceReceiptData;
import org.zizhu.print.ItemGuideData;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.QueueTicketData;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.TestPageData;
import org.zizhu.print.a4.A4PdfRenderer;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;

/**
 * Warm rendering cost: template + data to complete output bytes (A4 PDF, or ESC/POS job),
 * with the renderer (parsed font) kept as the application keeps it. See bench/printing.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"})
public class PrintingBenchmark {
    PrintTemplates templates;
    A4PdfRenderer renderer;
    AcceptanceReceiptData receipt;
    QueueTicketData ticket;
    ItemGuideData guide;
    TestPageData testPage;

    @Setup
    public void setUp() {
        templates = PrintTemplates.builtIn();
        renderer = new A4PdfRenderer();
        receipt = SampleDocuments.acceptanceReceipt();
        ticket = SampleDocuments.queueTicket();
        guide = SampleDocuments.itemGuide();
        testPage = SampleDocuments.testPage();
    }

    @Benchmark
    public byte[] a4AcceptanceReceiptPage() {
        return renderer.render(templates.fill(receipt));
    }

    @Benchmark
    public byte[] a4ItemGuide() {
        return renderer.render(templates.fill(guide));
    }

    @Benchmark
    public EscPosJob escPosAcceptanceReceipt80mm() {
        return ReceiptEncoder.encode(ReceiptLayout.layout(templates.fill(receipt), ReceiptPaper.MM80));
    }

    @Benchmark
    public EscPosJob escPosQueueTicket58mm() {
        return ReceiptEncoder.encode(ReceiptLayout.layout(templates.fill(ticket), ReceiptPaper.MM58));
    }

    /** Includes one line outside GBK drawn as a raster image with the CJK font. */
    @Benchmark
    public EscPosJob escPosTestPageWithRasterLine80mm() {
        return ReceiptEncoder.encode(ReceiptLayout.layout(templates.fill(testPage), ReceiptPaper.MM80));
    }
}
