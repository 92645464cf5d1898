package org.zizhu.kiosk.printing;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.zizhu.ids.IdChecks;
import org.zizhu.ofd.OfdArchive;
import org.zizhu.ofd.OfdException;
import org.zizhu.ofd.render.OfdRenderer;
import org.zizhu.ofd.render.PageSize;
import org.zizhu.ofd.render.RenderOptions;
import org.zizhu.print.QrMatrix;
import org.zizhu.privacy.Masking;

/**
 * The A4 print-out of a sealed OFD document (an e-license copy or a certificate issued on the
 * spot), rendered from the OFD itself, not re-typeset from its data: what the resident holds is
 * a picture of what the issuing body sealed. Three things are added on the way, as the national
 * rules for e-license use ask: the usage watermark (此件由××提供，仅供办理政务服务事项时使用),
 * the verification QR code (the centre's page for this document with the SHA-256 of the exact
 * bytes, so a changed or re-made document does not verify), and ID numbers masked (a valid
 * 18-character citizen number anywhere in the page's text becomes 1502**********0016).
 *
 * <p>The page is rendered in memory at 300 dpi and embedded as lossless strips (see
 * {@link #strips}): the print-out is a copy, and the PDF goes straight to CUPS without touching
 * the disk. The QR code is not part of that picture: it is drawn on top as vector squares on a
 * white quiet zone, so its module edges are as sharp as the printer can make them, with no
 * resampling between the code and the reader (and {@link QrMatrix} has already checked that the
 * code reads back).
 */
public final class SealedDocumentPrint {
    static final float DPI = 300f;
    private static final int MAX_STRIPS = 4;
    /**
     * Where the verification QR code sits on an A4 page (mm from the top left): bottom left, left
     * of the issuer block and the seal, above the issued page's own verification address line
     * (at 262 mm), which it used to cover.
     */
    static final double QR_X_MM = 22;
    static final double QR_Y_MM = 226;
    static final double QR_SIZE_MM = 32;
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

    private final OfdRenderer renderer = new OfdRenderer();

    /** Masks every valid citizen ID number in a text run; other digits stay. */
    public static final UnaryOperator<String> MASK_ID_NUMBERS = s -> {
        Matcher m = ID_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = m.group().toUpperCase(java.util.Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(IdChecks.validIdNumber(id) ? Masking.idNumber(id) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    };

    /** The PDF of every page of {@code ofd}, watermarked, with the QR code for {@code verificationLink} on the first page. */
    public byte[] pdf(byte[] ofd, String watermark, String verificationLink) throws OfdException, IOException {
        OfdArchive archive = OfdArchive.read(ofd);
        int pages = renderer.pageCount(archive);
        BitMatrix qr = QrMatrix.encode(verificationLink, "verificationLink");
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                RenderOptions opts = RenderOptions.defaults().withDpi(DPI).withTextFilter(MASK_ID_NUMBERS).withWatermark(watermark);
                BufferedImage img = renderer.render(archive, i, opts);
                PageSize size = renderer.pageSize(archive, i);
                float w = (float) (size.widthMm() / 25.4 * 72);
                float h = (float) (size.heightMm() / 25.4 * 72);
                PDPage page = new PDPage(new PDRectangle(w, h));
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    for (Strip strip : strips(img)) {
                        PDImageXObject x = new PDImageXObject(pdf, new ByteArrayInputStream(strip.deflated()), COSName.FLATE_DECODE,
                                img.getWidth(), strip.rows(), 8, PDDeviceRGB.INSTANCE);
                        float stripH = h * strip.rows() / img.getHeight();
                        cs.drawImage(x, 0, h - h * strip.top() / img.getHeight() - stripH, w, stripH);
                    }
                    if (i == 0) {
                        drawQr(cs, qr, h);
                    }
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * One horizontal band of the page picture: its first row, its row count and its RGB samples
     * (8 bits each, row by row) deflated.
     */
    record Strip(int top, int rows, byte[] deflated) {
    }

    /**
     * The page picture as deflated RGB strips, one per core (up to {@value #MAX_STRIPS}),
     * compressed at the same time. Deflate at its fastest level, not JPEG: ImageIO's JPEG encoder
     * is single-threaded and was most of the time a print-out took (262 ms for the 8.7 Mpx page
     * here, of 373 ms in all), while deflate level 1 packs the same mostly white page in 150 ms on
     * one core to 682 KB (the JPEG was 509 KB; the PDF is 701 KB) and loses nothing: text, seal and watermark reach
     * the printer exactly as rendered. Each strip but the last carries one row more than its share,
     * drawn under the next strip's first row, so a printer that rounds image edges leaves no
     * hairline at the joins.
     */
    static List<Strip> strips(BufferedImage img) {
        int cores = Math.max(1, Math.min(MAX_STRIPS, Runtime.getRuntime().availableProcessors()));
        int height = img.getHeight();
        int share = (height + cores - 1) / cores;
        List<int[]> bands = new ArrayList<>();
        for (int y = 0; y < height; y += share) {
            bands.add(new int[] {y, Math.min(share + 1, height - y)});
        }
        return bands.parallelStream().map(b -> new Strip(b[0], b[1], deflate(img, b[0], b[1]))).toList();
    }

    private static byte[] deflate(BufferedImage img, int top, int rows) {
        int w = img.getWidth();
        int[] argb = new int[w];
        byte[] line = new byte[w * 3];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(w * rows / 16); // a certificate page deflates to about 1/38
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            for (int y = top; y < top + rows; y++) {
                img.getRGB(0, y, w, 1, argb, 0, w);
                for (int x = 0, q = 0; x < w; x++) {
                    int v = argb[x];
                    line[q++] = (byte) (v >> 16);
                    line[q++] = (byte) (v >> 8);
                    line[q++] = (byte) v;
                }
                out.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail; kept for the signature
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * The code in a {@code QR_SIZE_MM} square at ({@code QR_X_MM}, {@code QR_Y_MM}) from the top
     * left: white quiet zone of 4 modules (ISO/IEC 18004; text printed closer confuses phone
     * readers), then the dark modules ({@link QrMatrix#addDarkRuns}).
     */
    private static void drawQr(PDPageContentStream cs, BitMatrix m, float pageHeightPt) throws IOException {
        int quiet = 4;
        int n = m.getWidth() + 2 * quiet;
        float side = pt(QR_SIZE_MM);
        float module = side / n;
        float left = pt(QR_X_MM);
        float top = pageHeightPt - pt(QR_Y_MM);
        cs.setNonStrokingColor(1f);
        cs.addRect(left, top - side, side, side);
        cs.fill();
        cs.setNonStrokingColor(0f);
        QrMatrix.addDarkRuns(cs, m, left + quiet * module, top - quiet * module, module);
        cs.fill();
    }

    private static float pt(double mm) {
        return (float) (mm / 25.4 * 72);
    }
}
