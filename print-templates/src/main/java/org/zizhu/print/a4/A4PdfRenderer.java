package org.zizhu.print.a4;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.zizhu.fonts.FontConfig;
import org.zizhu.print.Align;
import org.zizhu.print.Block;
import org.zizhu.print.Output;
import org.zizhu.print.PrintDocument;
import org.zizhu.print.QrMatrix;
import org.zizhu.print.TemplateDataException;

/**
 * Renders a {@link PrintDocument} to an A4 PDF with the CJK font subset-embedded (so
 * {@code pdftotext} gets the exact Chinese text back) and QR codes as vector squares.
 *
 * <p>Keep one instance for the life of the application: the fonts are parsed once here
 * (about 70 ms for WenQuanYi Zen Hei) and reused by every document. Rendering is serialised
 * because the shared font objects are not thread-safe.
 */
public final class A4PdfRenderer {
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56f;
    private static final float BOTTOM = 60f;
    private static final float BODY = 10.5f;
    private static final float LABEL_WIDTH = 84f;
    private static final float MM = 72f / 25.4f;

    private final List<FontFace> faces = new ArrayList<>();
    private final List<java.nio.file.Path> pendingFallbacks;
    private final java.util.concurrent.CompletableFuture<FontFace> primaryFuture;
    private final FontConfig config;

    public A4PdfRenderer() {
        this(FontConfig.defaults());
    }

    public A4PdfRenderer(FontConfig config) {
        this.config = config;
        if (!Files.isRegularFile(config.primary())) {
            throw new IllegalStateException("A4 font not found: " + config.primary()
                    + " (install fonts-wqy-zenhei or set -Dzizhu.print.font=PATH to a TrueType CJK font)");
        }
        // The font parse is the slow part of the first page (a 17 MB collection, a 40 000-entry
        // cmap): it runs in the background while the caller fills its template.
        this.primaryFuture = java.util.concurrent.CompletableFuture.supplyAsync(() -> parsePrimary(config));
        this.pendingFallbacks = new ArrayList<>(config.fallbacks());
    }

    /**
     * Renders and discards a small document so the PDF, font and QR code paths are loaded
     * and compiled. Call once in the background at application start, after constructing
     * the renderer, so the first resident's page is not the slow one.
     */
    public void warmUp() {
        java.util.List<PrintDocument.Entry> e = java.util.List.of(
                new PrintDocument.Entry(new Block.Title("预热"), null),
                new PrintDocument.Entry(new Block.Field("事项", "预热 warm-up 0123", "warm-up"), null),
                new PrintDocument.Entry(new Block.Qr("https://warm.up/0", 20, "", "warm-up"), null));
        for (int i = 0; i < 3; i++) {
            render(new PrintDocument("warm-up", "warm-up", e, "此件仅供预热"));
        }
    }

    /**
     * Builds and warms up a renderer on a background thread: what the application should
     * start at boot, so the font parse (the slow part of the first page) is done before a
     * resident asks for a print-out.
     */
    public static java.util.concurrent.CompletableFuture<A4PdfRenderer> startInBackground(FontConfig config) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            A4PdfRenderer r = new A4PdfRenderer(config);
            r.warmUp();
            return r;
        });
    }

    private static FontFace parsePrimary(FontConfig config) {
        try {
            TrueTypeFont primary;
            if (config.primary().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                // The collection stays open: the face reads glyphs from it lazily.
                @SuppressWarnings("resource")
                TrueTypeCollection ttc = new TrueTypeCollection(config.primary().toFile());
                primary = ttc.getFontByName(config.face());
                if (primary == null) {
                    throw new IllegalStateException("no face '" + config.face() + "' in " + config.primary());
                }
            } else {
                primary = new TTFParser().parse(new RandomAccessReadBufferedFile(config.primary().toFile()));
            }
            return new FontFace(primary, config.primary().getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read A4 font " + config.primary(), e);
        }
    }

    /** Waits for the background font parse (once); its failure is this call's failure. */
    private void ensurePrimary() {
        if (!faces.isEmpty()) {
            return;
        }
        try {
            faces.add(primaryFuture.join());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    public FontConfig fontConfig() {
        return config;
    }

    /** Renders the whole document to PDF bytes. Nothing is sent anywhere from here. */
    public synchronized byte[] render(PrintDocument document) {
        ensurePrimary();
        try (PDDocument pdf = new PDDocument()) {
            pdf.getDocumentInformation().setTitle(document.title());
            pdf.getDocumentInformation().setCreator("Zizhu kiosk");
            Page layout = new Page(pdf);
            for (Block b : document.blocks(Output.A4)) {
                layout.block(b);
            }
            layout.finish(document.watermark());
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    /** The face that has a glyph for {@code cp}, loading fallback fonts only when first needed. */
    private FontFace faceFor(int cp, String origin) {
        ensurePrimary();
        for (FontFace f : faces) {
            if (f.has(cp)) {
                return f;
            }
        }
        while (!pendingFallbacks.isEmpty()) {
            java.nio.file.Path p = pendingFallbacks.remove(0);
            try {
                FontFace f = new FontFace(new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile())),
                        p.getFileName().toString());
                faces.add(f);
                if (f.has(cp)) {
                    return f;
                }
            } catch (IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(A4PdfRenderer.class).warn("fallback font {} unusable", p, e);
            }
        }
        throw new TemplateDataException(origin, String.format(
                "character U+%04X has no glyph in the configured fonts (%s)", cp, config));
    }

    /** Layout state for one document: current page, content stream and baseline. */
    private final class Page {
        private final PDDocument pdf;
        private final Map<FontFace, PDType0Font> loaded = new IdentityHashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream cs;
        private float y;

        Page(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            newPage();
        }

        private PDType0Font font(FontFace f) throws IOException {
            PDType0Font font = loaded.get(f);
            if (font == null) {
                font = PDType0Font.load(pdf, f.ttf, true);
                loaded.put(f, font);
            }
            return font;
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(pdf, page);
            y = PAGE.getHeight() - MARGIN;
        }

        private void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        private float width() {
            return PAGE.getWidth() - 2 * MARGIN;
        }

        void block(Block b) throws IOException {
            switch (b) {
                case Block.Title t -> {
                    y -= 6;
                    paragraph(t.text(), 18f, true, Align.CENTER, MARGIN, width(), "title");
                    y -= 6;
                }
                case Block.Heading h -> {
                    y -= 6;
                    paragraph(h.text(), 12.5f, true, Align.LEFT, MARGIN, width(), "heading");
                    y -= 2;
                }
                case Block.Text t -> {
                    float size = switch (t.size()) {
                        case SMALL -> 9f;
                        case NORMAL -> BODY;
                        case LARGE -> 14f;
                    };
                    paragraph(t.text(), size, t.bold(), t.align(), MARGIN, width(), t.origin());
                }
                case Block.Field f -> field(f);
                case Block.Rule r -> {
                    ensure(10);
                    y -= 5;
                    cs.setStrokingColor(Color.GRAY);
                    cs.setLineWidth(0.6f);
                    cs.moveTo(MARGIN, y);
                    cs.lineTo(PAGE.getWidth() - MARGIN, y);
                    cs.stroke();
                    cs.setStrokingColor(Color.BLACK);
                    y -= 7;
                }
                case Block.Spacer s -> y -= BODY * 1.5f;
                case Block.Qr q -> qr(q);
                case Block.Image i -> image(i);
            }
        }

        private void field(Block.Field f) throws IOException {
            float lh = BODY * 1.55f;
            List<String> label = wrap(f.label() + "：", BODY, LABEL_WIDTH, "label");
            List<String> value = wrap(f.value(), BODY, width() - LABEL_WIDTH, f.origin());
            int rows = Math.max(label.size(), value.size());
            for (int i = 0; i < rows; i++) {
                ensure(lh);
                y -= lh;
                if (i < label.size()) {
                    line(label.get(i), MARGIN, y + BODY * 0.35f, BODY, true, f.origin());
                }
                if (i < value.size()) {
                    line(value.get(i), MARGIN + LABEL_WIDTH, y + BODY * 0.35f, BODY, false, f.origin());
                }
            }
        }

        private void paragraph(String text, float size, boolean bold, Align align, float x, float w, String origin)
                throws IOException {
            float lh = size * 1.55f;
            for (String l : wrap(text, size, w, origin)) {
                ensure(lh);
                y -= lh;
                float lw = measure(l, size, origin);
                float lx = switch (align) {
                    case LEFT -> x;
                    case CENTER -> x + (w - lw) / 2;
                    case RIGHT -> x + w - lw;
                };
                line(l, lx, y + size * 0.35f, size, bold, origin);
            }
        }

        private void qr(Block.Qr q) throws IOException {
            BitMatrix m = QrMatrix.encode(q.content(), q.origin());
            float size = q.sizeMm() * MM;
            float captionH = q.caption().isEmpty() ? 0 : 9f * 1.55f;
            ensure(size + 16 + captionH);
            y -= 8;
            float module = size / m.getWidth();
            float x0 = (PAGE.getWidth() - size) / 2;
            float top = y;
            QrMatrix.addDarkRuns(cs, m, x0, top, module);
            cs.setNonStrokingColor(Color.BLACK);
            cs.fill();
            y = top - size - 4;
            if (!q.caption().isEmpty()) {
                paragraph(q.caption(), 9f, false, Align.CENTER, MARGIN, width(), "caption");
            }
            y -= 4;
        }

        private void image(Block.Image i) throws IOException {
            double[] size = i.fit(Math.min(i.widthMm() * MM, width()), Math.min(i.heightMm() * MM, PAGE.getHeight() - MARGIN - BOTTOM - 12));
            float w = (float) size[0];
            float h = (float) size[1];
            PDImageXObject img = LosslessFactory.createFromImage(pdf, i.image());
            float x = switch (i.align()) {
                case LEFT -> MARGIN;
                case CENTER -> (PAGE.getWidth() - w) / 2;
                case RIGHT -> PAGE.getWidth() - MARGIN - w - 20;
            };
            if (i.stamp()) {
                // A seal is pressed over the issuer lines above it, not placed below them.
                float bottom = Math.max(y - h * 0.35f, BOTTOM);
                cs.drawImage(img, x, bottom, w, h);
                y = Math.min(y, bottom) - 2;
            } else {
                ensure(h + 6);
                y -= h + 3;
                cs.drawImage(img, x, y, w, h);
                y -= 3;
            }
        }

        void finish(String watermark) throws IOException {
            cs.close();
            cs = null;
            int n = pages.size();
            for (int p = 0; p < n; p++) {
                try (PDPageContentStream s = new PDPageContentStream(pdf, pages.get(p), AppendMode.APPEND, true, true)) {
                    cs = s;
                    if (!watermark.isEmpty()) {
                        watermark(s, watermark);
                    }
                    String footer = "第 " + (p + 1) + " 页 / 共 " + n + " 页";
                    float fw = measure(footer, 8f, "footer");
                    line(footer, (PAGE.getWidth() - fw) / 2, 30f, 8f, false, "footer");
                }
            }
            cs = null;
        }

        /**
         * The diagonal watermark is drawn as glyph outlines, not text: rotated text would be
         * mixed into the body text by text extraction (screen readers, pdftotext, the
         * receiving office's systems). One horizontal copy in the footer stays real text.
         */
        private void watermark(PDPageContentStream s, String text) throws IOException {
            PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
            gs.setNonStrokingAlphaConstant(0.13f);
            s.saveGraphicsState();
            s.setGraphicsStateParameters(gs);
            s.setNonStrokingColor(new Color(200, 0, 0));
            float size = 16f;
            for (int row = 0; row < 4; row++) {
                AffineTransform at = AffineTransform.getTranslateInstance(40f + (row % 2) * 40f, 110f + row * 200f);
                at.rotate(Math.toRadians(30));
                at.scale(size / 1000f, size / 1000f);
                float adv = 0;
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    i += Character.charCount(cp);
                    FontFace f = faceFor(cp, "watermark");
                    AffineTransform g = new AffineTransform(at);
                    g.translate(adv, 0);
                    outline(s, f.outline(cp).getPathIterator(g));
                    adv += f.width(cp);
                }
                s.fill();
            }
            s.restoreGraphicsState();
            s.setNonStrokingColor(new Color(150, 0, 0));
            float fw = measure(text, 8f, "watermark");
            line(text, (PAGE.getWidth() - fw) / 2, 42f, 8f, false, "watermark");
            s.setNonStrokingColor(Color.BLACK);
        }

        private void outline(PDPageContentStream s, PathIterator it) throws IOException {
            float[] c = new float[6];
            float lx = 0;
            float ly = 0;
            while (!it.isDone()) {
                switch (it.currentSegment(c)) {
                    case PathIterator.SEG_MOVETO -> {
                        s.moveTo(c[0], c[1]);
                        lx = c[0];
                        ly = c[1];
                    }
                    case PathIterator.SEG_LINETO -> {
                        s.lineTo(c[0], c[1]);
                        lx = c[0];
                        ly = c[1];
                    }
                    case PathIterator.SEG_QUADTO -> {
                        // TrueType outlines are quadratic; PDF paths are cubic.
                        s.curveTo(lx + 2f / 3 * (c[0] - lx), ly + 2f / 3 * (c[1] - ly),
                                c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
                        lx = c[2];
                        ly = c[3];
                    }
                    case PathIterator.SEG_CUBICTO -> {
                        s.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                        lx = c[4];
                        ly = c[5];
                    }
                    case PathIterator.SEG_CLOSE -> s.closePath();
                    default -> {
                    }
                }
                it.next();
            }
        }

        /** Draws one already-wrapped line at (x, baseline). */
        private void line(String text, float x, float baseline, float size, boolean bold, String origin) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            cs.beginText();
            if (bold) {
                // The CJK font has no bold face: fill and stroke the outlines for a bold look.
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                cs.setLineWidth(size / 28f);
            }
            cs.newLineAtOffset(x, baseline);
            runs(cs, text, size, origin);
            if (bold) {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.endText();
        }

        /** Shows text in runs of code points that share a font (fallback fonts for rare characters). */
        private void runs(PDPageContentStream s, String text, float size, String origin) throws IOException {
            FontFace current = null;
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                FontFace f = faceFor(cp, origin);
                if (f != current && !run.isEmpty()) {
                    s.setFont(font(current), size);
                    s.showText(run.toString());
                    run.setLength(0);
                }
                current = f;
                run.appendCodePoint(cp);
            }
            if (!run.isEmpty()) {
                s.setFont(font(current), size);
                s.showText(run.toString());
            }
        }

        private float measure(String text, float size, String origin) {
            float w = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                w += faceFor(cp, origin).width(cp);
            }
            return w * size / 1000f;
        }

        /** Greedy line breaking; CJK breaks anywhere, Latin words stay whole when they fit. */
        private List<String> wrap(String text, float size, float maxWidth, String origin) {
            List<String> lines = new ArrayList<>();
            for (String para : text.replace("\t", " ").replace("\r", "").split("\n", -1)) {
                StringBuilder cur = new StringBuilder();
                float w = 0;
                int lastSpace = -1;
                for (int i = 0; i < para.length(); ) {
                    int cp = para.codePointAt(i);
                    i += Character.charCount(cp);
                    float cw = faceFor(cp, origin).width(cp) * size / 1000f;
                    if (w + cw > maxWidth && !cur.isEmpty()) {
                        if (cp != ' ' && lastSpace > 0 && cp < 0x80) {
                            String rest = cur.substring(lastSpace + 1);
                            lines.add(cur.substring(0, lastSpace));
                            cur.setLength(0);
                            cur.append(rest);
                            w = measure(rest, size, origin);
                        } else {
                            lines.add(cur.toString());
                            cur.setLength(0);
                            w = 0;
                        }
                        lastSpace = -1;
                        if (cp == ' ') {
                            continue;
                        }
                    }
                    if (cp == ' ') {
                        lastSpace = cur.length();
                    } else if (cp >= 0x80) {
                        lastSpace = -1;
                    }
                    cur.appendCodePoint(cp);
                    w += cw;
                }
                lines.add(cur.toString());
            }
            return lines;
        }
    }
}
