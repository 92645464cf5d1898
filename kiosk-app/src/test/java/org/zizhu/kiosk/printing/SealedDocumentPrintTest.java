package org.zizhu.kiosk.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zizhu.central.security.DocumentSealing;
import org.zizhu.ofd.OfdArchive;
import org.zizhu.ofd.OfdException;
import org.zizhu.ofd.issue.DocumentSpec;
import org.zizhu.ofd.render.OfdRenderer;
import org.zizhu.ofd.render.RenderOptions;

/**
 * The A4 print-out of a sealed OFD is a picture of the sealed page with the ID number masked,
 * the usage watermark and a verification QR code that decodes to the link given.
 */
public class SealedDocumentPrintTest {
    private static final String ID = "150202198503120016";
    private static final String MASKED = "1502**********0016";
    private static byte[] full;
    private static byte[] alreadyMasked;

    @BeforeAll
    static void issue() throws Exception {
        DocumentSealing sealing = DocumentSealing.create(null);
        full = issue(sealing, ID);
        alreadyMasked = issue(sealing, MASKED);
    }

    private static byte[] issue(DocumentSealing sealing, String idText) throws Exception {
        return sealing.issue("CERTIFICATE", new DocumentSpec("户籍证明", List.of(new DocumentSpec.Line("持证人", "王建国"),
                new DocumentSpec.Line("公民身份号码", idText), new DocumentSpec.Line("电话", "13800138000")), "包头市公安局",
                "ZM-TEST-1", LocalDate.of(2026, 12, 2), "https://zwfw.example.gov.cn/verify/x",
                "{}".getBytes(StandardCharsets.UTF_8)), "11150200MB1532145Q", "包头市公安局", null, false);
    }

    @Test
    void maskFilterMasksOnlyValidCitizenNumbers() {
        assertEquals("号码 " + MASKED + " 止", SealedDocumentPrint.MASK_ID_NUMBERS.apply("号码 " + ID + " 止"));
        assertEquals("150202198503120017", SealedDocumentPrint.MASK_ID_NUMBERS.apply("150202198503120017"), "a bad check digit is not a citizen number");
        assertEquals("电话 13800138000", SealedDocumentPrint.MASK_ID_NUMBERS.apply("电话 13800138000"));
        assertEquals("1150202198503120016", SealedDocumentPrint.MASK_ID_NUMBERS.apply("1150202198503120016"), "part of a longer number");
    }

    @Test
    void printedPageShowsTheMaskedNumberNotTheFullOne() throws Exception {
        OfdRenderer r = new OfdRenderer();
        RenderOptions at = RenderOptions.defaults().withDpi(100f);
        BufferedImage fullMasked = r.render(OfdArchive.read(full), 0, at.withTextFilter(SealedDocumentPrint.MASK_ID_NUMBERS));
        BufferedImage fullPlain = r.render(OfdArchive.read(full), 0, at);
        BufferedImage reference = r.render(OfdArchive.read(alreadyMasked), 0, at);
        double toReference = difference(fullMasked, reference);
        double toPlain = difference(fullMasked, fullPlain);
        assertTrue(toReference < toPlain / 5, "masked rendering looks like the masked text (" + toReference + ") not the full number (" + toPlain + ")");
    }

    @Test
    void pdfCarriesThePageWatermarkAndAQrCodeForTheVerificationLink() throws Exception {
        String link = "https://zwfw.example.gov.cn/verify/ZM-1?h=" + "ab".repeat(32);
        byte[] pdf = new SealedDocumentPrint().pdf(full, "此件由包头市公安局提供，仅供办理政务服务事项时使用", link);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertEquals(1, d.getNumberOfPages());
            assertEquals(595, Math.round(d.getPage(0).getMediaBox().getWidth()), "A4 width in points");
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 150);
            assertEquals(link, verificationLinkOn(pdf));
            // The watermark: light grey pixels where the plain page is white, across the page.
            BufferedImage plain = new OfdRenderer().render(OfdArchive.read(full), 0, RenderOptions.defaults().withDpi(150f));
            int grey = 0;
            for (int y = page.getHeight() / 3; y < page.getHeight() / 2; y += 3) {
                for (int x = 0; x < Math.min(page.getWidth(), plain.getWidth()); x += 3) {
                    int p = page.getRGB(x, y) & 0xff;
                    int q = plain.getRGB(x, y) & 0xff;
                    grey += q > 245 && p < 240 && p > 120 ? 1 : 0;
                }
            }
            assertTrue(grey > 200, "watermark pixels: " + grey);
        }
    }

    /**
     * The QR code must read whatever the link's bytes. The first link is a CI run's certificate
     * whose code, as ZXing first masked it, its own detector could not find at any resolution
     * (QrMatrix now picks a mask that reads back); the other nine read then too.
     */
    @Test
    void everyVerificationCodeReadsBackWhateverItsHash() throws Exception {
        java.util.Random random = new java.util.Random(20261202);
        List<String> links = new java.util.ArrayList<>(List.of(
                "https://zwfw.example.gov.cn/verify/ZM-Y7LKFSFL8PCU83FQ?h=97a090ccc096f133882276666b6137e276155f56c6114ea976fde5cff0d3594b"));
        while (links.size() < 10) {
            byte[] h = new byte[32];
            random.nextBytes(h);
            links.add("https://zwfw.example.gov.cn/verify/ZM-" + Long.toString(random.nextLong() >>> 1, 36).toUpperCase(java.util.Locale.ROOT)
                    + "?h=" + java.util.HexFormat.of().formatHex(h));
        }
        List<String> unread = new java.util.ArrayList<>();
        for (String link : links) {
            try {
                if (!link.equals(verificationLinkOn(new SealedDocumentPrint().pdf(full, "此件由包头市公安局提供，仅供办理政务服务事项时使用", link)))) {
                    unread.add(link + " (misread)");
                }
            } catch (AssertionError e) {
                unread.add(link + " (not found)");
            }
        }
        assertEquals(List.of(), unread);
    }

    /**
     * The strips, compressed in parallel, put the whole page back exactly (lossless), every row in
     * order, each join covered by the strip above.
     */
    @Test
    void theStripsAreThePageInOrderExactly() throws Exception {
        BufferedImage page = new OfdRenderer().render(OfdArchive.read(full), 0, RenderOptions.defaults().withDpi(300f).withWatermark("此件仅供测试"));
        List<SealedDocumentPrint.Strip> strips = SealedDocumentPrint.strips(page);
        assertEquals(Math.min(4, Runtime.getRuntime().availableProcessors()), strips.size(), "one strip per core");
        int next = 0;
        int[] argb = new int[page.getWidth()];
        for (SealedDocumentPrint.Strip strip : strips) {
            assertEquals(next, strip.top(), "strips follow each other");
            byte[] rgb = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(strip.deflated())).readAllBytes();
            assertEquals(page.getWidth() * strip.rows() * 3, rgb.length);
            for (int y = 0; y < strip.rows(); y++) {
                page.getRGB(0, strip.top() + y, page.getWidth(), 1, argb, 0, page.getWidth());
                for (int x = 0; x < page.getWidth(); x++) {
                    int i = (y * page.getWidth() + x) * 3;
                    int got = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | rgb[i + 2] & 0xff;
                    if (got != (argb[x] & 0xffffff)) {
                        throw new AssertionError("pixel " + x + "," + (strip.top() + y) + " differs");
                    }
                }
            }
            boolean last = strip == strips.get(strips.size() - 1);
            next = strip.top() + strip.rows() - (last ? 0 : 1);
        }
        assertEquals(page.getHeight(), next, "the last strip ends at the page's last row");
    }

    @Test
    void aDocumentThatIsNotAnOfdPrintsNothing() {
        assertThrows(OfdException.class, () -> new SealedDocumentPrint().pdf("not a zip".getBytes(StandardCharsets.UTF_8), "w", "https://x/y"));
    }

    /**
     * The link the verification QR code of a spooled print-out decodes to (UI tests: the page
     * printed is the sealed document the centre issued, by its SHA-256 in the link).
     */
    public static String verificationLinkOn(java.nio.file.Path pdf) throws Exception {
        return verificationLinkOn(java.nio.file.Files.readAllBytes(pdf));
    }

    /**
     * The link the verification QR code decodes to, read at 150 dpi (a phone at arm's length sees
     * about as many pixels per module) from the bottom-left quarter of page 1 by the kiosk's own
     * scanner, second look included: a plain ZXing read of a vector code resampled at 3.6 pixels
     * per module misses about 1 code in 100 (3 of 300 random links), the second look none.
     */
    static String verificationLinkOn(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 150);
            String text = new org.zizhu.device.camera.qr.QrScanner().decode(
                    page.getSubimage(0, page.getHeight() * 3 / 4, page.getWidth() / 2, page.getHeight() / 4));
            if (text == null) {
                throw new AssertionError("no QR code read in the bottom-left quarter of page 1");
            }
            return text;
        }
    }

    /** Mean absolute grey difference over the common area. */
    private static double difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sum += Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff));
            }
        }
        return (double) sum / ((long) w * h);
    }
}
