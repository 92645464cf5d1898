package org.zizhu.kiosk.printing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.zizhu.device.printer.PrintResult;
import org.zizhu.device.printer.escpos.EscPosJob;
import org.zizhu.device.printer.escpos.ReceiptPrinter;
import org.zizhu.device.printer.ipp.A4Printer;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.fonts.FontConfig;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.print.GuideMaterial;
import org.zizhu.print.ItemGuideData;
import org.zizhu.print.PrintDocument;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.TemplateData;
import org.zizhu.print.TemplateDataException;
import org.zizhu.print.a4.A4PdfRenderer;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.ReceiptLayout;

/**
 * The kiosk's printing: fills a template, renders it completely (PDF for A4, ESC/POS bytes for
 * the receipt) and only then sends it, so bad data never half-prints. The PDF renderer parses
 * its CJK font in the background from start-up, so the first resident's page is quick.
 */
public final class PrintService {
    /** A print that did not complete, with a short machine reason (paper-end, offline, bad data ...). */
    public static final class PrintFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public PrintFailure(String message) {
            super(message);
        }
    }

    private volatile PrintTemplates templates = PrintTemplates.builtIn();
    private final CompletableFuture<A4PdfRenderer> renderer;
    private final ReceiptPrinter receipt;
    private final A4Printer a4;
    private final SealedDocumentPrint sealed = new SealedDocumentPrint();

    /** Either printer may be null (not configured). */
    public PrintService(ReceiptPrinter receipt, A4Printer a4) {
        this.receipt = receipt;
        this.a4 = a4;
        this.renderer = A4PdfRenderer.startInBackground(FontConfig.defaults());
        renderer.thenRun(() -> templates.preload(PrintTemplates.BUILT_IN));
        // Java2D's font and raster start-up takes seconds on a small board: pay it before the first resident.
        Thread.ofVirtual().name("ofd-render-warm-up").start(org.zizhu.ofd.render.OfdRenderer::warmUp);
    }

    /**
     * Prints a sealed OFD document (a certificate or an e-license copy) on A4, rendered from the
     * OFD itself with the usage watermark, the verification QR code ({@code verificationLink})
     * and ID numbers masked ({@link SealedDocumentPrint}). Rendered completely before sending.
     */
    public PrintResult printSealed(byte[] ofd, String watermark, String verificationLink, String jobName) throws PrintFailure {
        if (a4 == null) {
            throw new PrintFailure("no-a4-printer");
        }
        byte[] pdf;
        try {
            pdf = sealed.pdf(ofd, watermark, verificationLink);
        } catch (org.zizhu.ofd.OfdException | java.io.IOException | RuntimeException e) {
            EventLog.event(EventId.PRINT_DATA_INVALID, Outcome.FAILURE, "field", "ofd", "reason", e.getClass().getSimpleName());
            throw new PrintFailure("render: " + e.getClass().getSimpleName());
        }
        PrintResult r = a4.print(pdf, jobName);
        log(jobName, "a4", r);
        if (!r.ok()) {
            throw new PrintFailure(r.detail());
        }
        return r;
    }

    /** The PDF {@link #printSealed} sends (tests and the screenshot tour). */
    public byte[] renderSealed(byte[] ofd, String watermark, String verificationLink) throws PrintFailure {
        try {
            return sealed.pdf(ofd, watermark, verificationLink);
        } catch (org.zizhu.ofd.OfdException | java.io.IOException | RuntimeException e) {
            throw new PrintFailure("render: " + e.getClass().getSimpleName());
        }
    }

    /** Bilingual print-outs from now on: each title's Mongolian drawn above it (ui.bilingualMongolian). */
    public void printMongolianTitles(PrintTemplates.MongolianTitles drawer) {
        templates = PrintTemplates.builtIn().withMongolianTitles(drawer);
    }

    public boolean hasReceiptPrinter() {
        return receipt != null && receipt.tracker().status().usable();
    }

    public boolean hasA4Printer() {
        return a4 != null && a4.tracker().status().usable();
    }

    /** Renders a document to PDF (used for A4 and by tests). */
    public byte[] renderPdf(TemplateData data) throws PrintFailure {
        PrintDocument doc = fill(data);
        try {
            return renderer.get(30, TimeUnit.SECONDS).render(doc);
        } catch (Exception e) {
            throw new PrintFailure("render: " + e.getClass().getSimpleName());
        }
    }

    public PrintResult printA4(TemplateData data, String jobName) throws PrintFailure {
        if (a4 == null) {
            throw new PrintFailure("no-a4-printer");
        }
        byte[] pdf = renderPdf(data);
        PrintResult r = a4.print(pdf, jobName);
        log(jobName, "a4", r);
        if (!r.ok()) {
            throw new PrintFailure(r.detail());
        }
        return r;
    }

    public PrintResult printReceipt(TemplateData data, String jobName) throws PrintFailure {
        if (receipt == null) {
            throw new PrintFailure("no-receipt-printer");
        }
        PrintDocument doc = fill(data);
        PrintResult r = receipt.print(ReceiptEncoder.encode(ReceiptLayout.layout(doc, receipt.paper())));
        log(jobName, "receipt", r);
        if (!r.ok()) {
            throw new PrintFailure(r.detail());
        }
        return r;
    }

    /** One receipt of a run: the document and its job name (never personal data: it is logged). */
    public record ReceiptJob(TemplateData data, String jobName) {
    }

    /**
     * Prints documents on the receipt printer one after the other, each its own cut receipt (an
     * acceptance receipt and the signed commitment letters that go with it). Every document is
     * filled and encoded before the first byte is sent, so bad data in the last one prints none
     * of them; a printer failure stops the run (what printed stays printed).
     */
    public void printReceipts(List<ReceiptJob> jobs) throws PrintFailure {
        if (receipt == null) {
            throw new PrintFailure("no-receipt-printer");
        }
        List<EscPosJob> encoded = new ArrayList<>();
        for (ReceiptJob j : jobs) {
            encoded.add(ReceiptEncoder.encode(ReceiptLayout.layout(fill(j.data()), receipt.paper())));
        }
        for (int i = 0; i < jobs.size(); i++) {
            PrintResult r = receipt.print(encoded.get(i));
            log(jobs.get(i).jobName(), "receipt", r);
            if (!r.ok()) {
                throw new PrintFailure(r.detail());
            }
        }
    }

    private PrintDocument fill(TemplateData data) throws PrintFailure {
        try {
            return templates.fill(data);
        } catch (TemplateDataException e) {
            EventLog.event(EventId.PRINT_DATA_INVALID, Outcome.FAILURE, "field", e.field());
            throw new PrintFailure("bad data: " + e.field());
        }
    }

    private static void log(String job, String printer, PrintResult r) {
        EventLog.event(EventId.PRINT_JOB, r.ok() ? Outcome.SUCCESS : Outcome.FAILURE, "job", job, "printer", printer,
                "state", r.state().name(), "detail", r.detail());
    }

    /** The item guide print-out (every guide element) in the resident's language. */
    public static ItemGuideData guideData(ItemDetail d, Language l) {
        List<GuideMaterial> materials = d.materials().stream().map(m -> new GuideMaterial(m.name().in(l),
                kindName(m.kind(), l), m.sample().in(l), m.electronicForm().in(l), m.source().in(l),
                Math.max(1, m.copies()), m.format().in(l), m.electronicRequired(), m.exemptBySharing())).toList();
        List<String> process = d.process().stream().map(s -> s.name().in(l) + "（" + s.actor().in(l) + "）："
                + s.description().in(l)).toList();
        return new ItemGuideData(d.name().in(l), d.code(), d.type().in(l), d.legalBasis().in(l), d.implementingBody().in(l),
                d.acceptanceConditions().in(l), d.audienceText().in(l), d.statutoryTimeLimit().text().in(l),
                d.promisedTimeLimit().text().in(l), d.resultName().in(l), d.resultSample().in(l), d.fee().standard().in(l),
                d.fee().basis().in(l), materials, d.missingMaterialAcceptance().text().in(l), process, d.channels().in(l),
                d.reviewCriteria().in(l), d.scopeText().in(l), d.appointment().text().in(l), d.onlinePayment().text().in(l),
                d.delivery().text().in(l), d.place().in(l), d.hours().in(l), d.enquiries().in(l), d.complaints().in(l),
                d.guideUrl());
    }

    private static String kindName(CatalogModel.MaterialKind k, Language l) {
        // A Mongolian visit's guide prints in Chinese: the print-out fonts have no shaped Mongolian body text.
        boolean zh = l != Language.EN;
        return switch (k) {
            case ORIGINAL -> zh ? "原件" : "Original";
            case COPY -> zh ? "复印件" : "Copy";
            case E_LICENSE -> zh ? "电子证照" : "E-license";
            case FORM -> zh ? "表格" : "Form";
        };
    }
}
