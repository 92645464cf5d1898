package org.zizhu.ofd.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zizhu.ofd.OfdArchive;
import org.zizhu.ofd.OfdException;

/**
 * Renders a page of an OFD document (GB/T 33190) to a raster with Java2D, from the in-memory
 * {@link OfdArchive}: the kiosk prints the e-license copy rendered from the sealed OFD itself,
 * not re-typeset from data. Nothing is written to disk (except the JDK's temporary copy of an
 * embedded font, see {@link Fonts}), ofdrw's {@code OFDReader} (which unzips to a temp dir) is
 * not used, and its converter cannot be (AGPL/LGPL dependencies).
 *
 * <p>Supported subset, which covers what ofdrw-layout and ofdrw-sign write plus the common basics:
 * <ul>
 *   <li>OFD.xml DocBody/DocRoot → Document.xml: CommonData PageArea/PhysicalBox (page Area
 *       overrides), PublicRes/DocumentRes and page PageRes, Pages/Page@BaseLoc, TemplatePage
 *       (Background under the page content, Foreground over it);</li>
 *   <li>Content/Layer, nested PageBlock; DrawParam (FillColor, StrokeColor, LineWidth) on the
 *       object or its Layer;</li>
 *   <li>TextObject: Boundary, CTM, Font (embedded FontFile TTF/OTF-with-TrueType-outlines, else
 *       installed font by FontName/FamilyName, else a CJK fallback), Size, Fill/Stroke,
 *       FillColor/StrokeColor (Gray, RGB, CMYK by component count; decimal or {@code #hex};
 *       Alpha), TextCode X/Y/DeltaX/DeltaY including the {@code g n d} repeat form;</li>
 *   <li>PathObject: AbbreviatedData S M L Q B A C (and Z as close), Fill/Stroke, Rule, LineWidth,
 *       Cap, Join, colours, CTM;</li>
 *   <li>ImageObject: MultiMedia PNG/JPEG/GIF/BMP decoded with ImageIO from bytes, placed by CTM
 *       (the image is the unit square), clipped to its Boundary;</li>
 *   <li>seal appearances: OFD.xml Signatures → Signature.xml StampAnnot (PageRef is the page ID,
 *       Boundary in mm) → the picture in the GB/T 38540 (v4, else GM/T 0031 v1) seal, drawn on
 *       top of the page content.</li>
 * </ul>
 * Every object is clipped to its Boundary. Not supported (drawn without them): Clips, shadings and
 * patterns (their first colour is used), CompositeObject, Annotations (Annots), HScale,
 * ReadDirection/CharDirection (text runs left to right), dash patterns, colour-space palettes
 * and ICC profiles, OFD-format (vector) seal pictures (refused), more than the first DocBody.
 *
 * <p>The text filter ({@link RenderOptions#textFilter()}) gets the text of a whole TextObject
 * (its TextCodes joined), because producers split strings over TextCodes. If the filtered text
 * has as many characters as the original, each character is drawn at the original character's
 * position (masking keeps the layout). Otherwise the filtered text is drawn as one run from the
 * first TextCode's position, using its DeltaX where there are enough and the font's advance after.
 *
 * <p>Rendering is bounded, because the document may be hostile: dpi {@value #MIN_DPI}–{@value #MAX_DPI},
 * page pixels, objects per page, PageBlock depth, characters per page, path size, image pixels
 * (checked before decoding), coordinates, and the total painted area. A breach, broken XML, a
 * missing resource or an absurd number is {@link OfdException.Reason#MALFORMED}; no other
 * exception escapes for a bad document.
 *
 * <p>Thread-safe: instances hold no state; only fonts are cached (process-wide, by content).
 * Decoded images are never cached: the license photo is personal data.
 */
public final class OfdRenderer {
    public static final float MIN_DPI = 72f;
    public static final float MAX_DPI = 600f;
    /** A4 at 600 dpi is 34.8 Mpx (139 MB as INT_RGB); larger pages would endanger the kiosk's heap. */
    public static final long MAX_PAGE_PIXELS = 40_000_000L;
    public static final int MAX_OBJECTS_PER_PAGE = 20_000;
    public static final int MAX_BLOCK_DEPTH = 16;
    public static final int MAX_CHARS_PER_PAGE = 100_000;
    public static final int MAX_PATH_NUMBERS = 200_000;
    /** 16 Mpx (64 MB decoded): a license photo or a seal is far below; checked before decoding. */
    public static final long MAX_IMAGE_PIXELS = 16_000_000L;
    /** Ten metres: no printable page coordinate comes near; bigger numbers are hostile or broken. */
    public static final double MAX_COORD_MM = 10_000;
    /** All distinct images on a page together (two license photos and a few logos fit easily). */
    public static final long MAX_DECODED_PIXELS_PER_PAGE = 32_000_000L;
    /** Distinct fonts on a page: each embedded one costs a createFont (tens of ms). */
    public static final int MAX_FONTS_PER_PAGE = 32;
    public static final double MAX_FONT_SIZE_MM = 1_000;
    /** Total painted area in page-sizes: bounds the time 20 000 page-sized fills would take. */
    static final int MAX_PAINTED_PAGES = 64;
    private static final int MAX_SIGNATURES = 64;
    private static final double DEFAULT_LINE_WIDTH_MM = 0.353;
    private static final Color WATERMARK_COLOUR = new Color(128, 128, 128, 80);

    public OfdRenderer() {
    }

    /**
     * Pays the cold-start cost (Java2D pipelines, font configuration, the CJK fallback font,
     * XML parser, ImageIO PNG decoding, ofdrw-gm/BouncyCastle ASN.1 classes) off the resident's
     * time: the kiosk calls this once at start. The first render in a fresh JVM otherwise takes
     * over a second. Uses a tiny built-in document; never throws.
     */
    public static void warmUp() {
        try {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB), "png", png);
            String ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
            Map<String, byte[]> e = new java.util.LinkedHashMap<>();
            e.put("OFD.xml", ("<ofd:OFD " + ns + "><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            e.put("Doc_0/Document.xml", ("<ofd:Document " + ns + "><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 50 50"
                    + "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>"
                    + "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            e.put("Doc_0/PublicRes.xml", ("<ofd:Res " + ns + " BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"-\"/>"
                    + "</ofd:Fonts><ofd:MultiMedias><ofd:MultiMedia ID=\"2\" Type=\"Image\"><ofd:MediaFile>w.png</ofd:MediaFile>"
                    + "</ofd:MultiMedia></ofd:MultiMedias></ofd:Res>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            e.put("Doc_0/Pages/Page_0/Content.xml", ("<ofd:Page " + ns + "><ofd:Content><ofd:Layer ID=\"3\">"
                    + "<ofd:TextObject ID=\"4\" Boundary=\"1 1 40 10\" Font=\"1\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"5\">"
                    + "紫竹 Zizhu 0123</ofd:TextCode></ofd:TextObject><ofd:PathObject ID=\"5\" Boundary=\"1 20 10 10\" Fill=\"true\">"
                    + "<ofd:AbbreviatedData>M 0 0 L 10 0 B 10 5 5 10 0 10 C</ofd:AbbreviatedData></ofd:PathObject>"
                    + "<ofd:ImageObject ID=\"6\" ResourceID=\"2\" Boundary=\"20 20 4 4\" CTM=\"4 0 0 4 0 0\"/>"
                    + "</ofd:Layer></ofd:Content></ofd:Page>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            e.put("Doc_0/Res/w.png", png.toByteArray());
            java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
                for (Map.Entry<String, byte[]> en : e.entrySet()) {
                    z.putNextEntry(new java.util.zip.ZipEntry(en.getKey()));
                    z.write(en.getValue());
                    z.closeEntry();
                }
            }
            new OfdRenderer().render(OfdArchive.read(zip.toByteArray()), 0, MIN_DPI,
                    RenderOptions.defaults().withWatermark("紫竹").withOverlay(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), 30, 30, 5, 5));
            try {
                sealPicture(new byte[] {0x30, 0x00});
            } catch (OfdException expected) {
                // Only the class loading was wanted.
            }
        } catch (Exception | LinkageError e) {
            // Warm-up is an optimisation; a failure here shows up, with a reason, on the first real render.
        }
    }

    /** The number of pages in the first document of the package. */
    public int pageCount(OfdArchive doc) throws OfdException {
        java.util.Objects.requireNonNull(doc, "doc");
        return guarded(() -> DocModel.load(doc).pages.size());
    }

    /** The page's physical box (page Area, else the document's), in millimetres. */
    public PageSize pageSize(OfdArchive doc, int pageIndex) throws OfdException {
        java.util.Objects.requireNonNull(doc, "doc");
        return guarded(() -> {
            DocModel m = DocModel.load(doc);
            PageRef p = m.page(pageIndex);
            double[] box = m.pageBox(Xml.parse(doc.required(p.path), p.path));
            return new PageSize(box[2], box[3]);
        });
    }

    /** Renders at {@code opts.dpi()}. */
    public BufferedImage render(OfdArchive doc, int pageIndex, RenderOptions opts) throws OfdException {
        return render(doc, pageIndex, opts.dpi(), opts);
    }

    /**
     * Renders one page (0-based) to an opaque {@link BufferedImage#TYPE_INT_RGB} image on white,
     * sized from the physical box at {@code dpi}: template, content, seals, watermark, overlay.
     *
     * @throws IllegalArgumentException when {@code pageIndex} is outside the document (a caller error)
     * @throws OfdException MALFORMED when the document cannot be rendered within bounds, or dpi is out of range
     */
    public BufferedImage render(OfdArchive doc, int pageIndex, float dpi, RenderOptions opts) throws OfdException {
        // Null arguments are the caller's bug, not a malformed document: fail before the guard.
        java.util.Objects.requireNonNull(doc, "doc");
        java.util.Objects.requireNonNull(opts, "opts");
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new OfdException(OfdException.Reason.MALFORMED, "dpi outside " + MIN_DPI + "-" + MAX_DPI);
        }
        return guarded(() -> {
            DocModel m = DocModel.load(doc);
            PageRef p = m.page(pageIndex);
            Element page = Xml.parse(doc.required(p.path), p.path);
            return new PagePainter(m, p, page, dpi, opts).paint();
        });
    }

    private interface Body<T> {
        T run() throws OfdException;
    }

    /** Turns any runtime failure the parsing or drawing code missed into MALFORMED. */
    private static <T> T guarded(Body<T> body) throws OfdException {
        try {
            return body.run();
        } catch (OfdException | PageIndexException e) {
            throw e;
        } catch (RuntimeException e) {
            // Only the exception's class: its message could quote document content.
            throw malformed("unrenderable: " + e.getClass().getSimpleName());
        }
    }

    /** The one IllegalArgumentException that is the caller's, not the document's. */
    private static final class PageIndexException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PageIndexException(String s) {
            super(s);
        }
    }

    static OfdException malformed(String detail) {
        return new OfdException(OfdException.Reason.MALFORMED, detail);
    }

    // ---------------------------------------------------------------- document model

    private record PageRef(String id, String path) {
    }

    private record FontRes(String name, String family, String file) {
    }

    private record MediaRes(String path, String format) {
    }

    /** Resources by ID (GB/T 33190 §7.9): IDs are unique per document, so one map per kind. */
    private static final class Res {
        final Map<String, FontRes> fonts = new HashMap<>();
        final Map<String, MediaRes> media = new HashMap<>();
        final Map<String, Element> drawParams = new HashMap<>();

        Res copy() {
            Res r = new Res();
            r.fonts.putAll(fonts);
            r.media.putAll(media);
            r.drawParams.putAll(drawParams);
            return r;
        }

        void load(OfdArchive doc, String resPath) throws OfdException {
            Element r = Xml.parse(doc.required(resPath), resPath);
            String baseLoc = Xml.attr(r, "BaseLoc");
            // Files inside a Res are relative to its BaseLoc, itself relative to the Res file.
            String referrer = baseLoc == null || baseLoc.isBlank() ? resPath : OfdArchive.resolve(resPath, baseLoc) + "/_";
            for (Element fs : Xml.children(r, "Fonts")) {
                for (Element f : Xml.children(fs, "Font")) {
                    String file = Xml.text(Xml.child(f, "FontFile"));
                    fonts.put(f.getAttribute("ID"), new FontRes(Xml.attr(f, "FontName"), Xml.attr(f, "FamilyName"),
                            file == null || file.isEmpty() ? null : OfdArchive.resolve(referrer, file)));
                }
            }
            for (Element ms : Xml.children(r, "MultiMedias")) {
                for (Element mm : Xml.children(ms, "MultiMedia")) {
                    String file = Xml.text(Xml.child(mm, "MediaFile"));
                    if (file != null && !file.isEmpty()) {
                        media.put(mm.getAttribute("ID"), new MediaRes(OfdArchive.resolve(referrer, file), Xml.attr(mm, "Format")));
                    }
                }
            }
            for (Element ds : Xml.children(r, "DrawParams")) {
                for (Element d : Xml.children(ds, "DrawParam")) {
                    drawParams.put(d.getAttribute("ID"), d);
                }
            }
        }
    }

    private static final class DocModel {
        final OfdArchive archive;
        final Element ofd;
        final String docPath;
        final double[] defaultBox;
        final List<PageRef> pages = new ArrayList<>();
        final Map<String, String> templates = new HashMap<>();
        final Res res = new Res();

        private DocModel(OfdArchive archive, Element ofd, String docPath, Element document) throws OfdException {
            this.archive = archive;
            this.ofd = ofd;
            this.docPath = docPath;
            Element common = Xml.child(document, "CommonData");
            if (common == null) {
                throw malformed("Document.xml has no CommonData");
            }
            Element box = Xml.path(common, "PageArea", "PhysicalBox");
            if (box == null) {
                throw malformed("no PhysicalBox");
            }
            defaultBox = pageBoxNumbers(Xml.text(box));
            for (Element c : Xml.children(common)) {
                String ln = c.getLocalName();
                if ("PublicRes".equals(ln) || "DocumentRes".equals(ln)) {
                    res.load(archive, OfdArchive.resolve(docPath, Xml.text(c)));
                } else if ("TemplatePage".equals(ln)) {
                    templates.put(c.getAttribute("ID"), OfdArchive.resolve(docPath, c.getAttribute("BaseLoc")));
                }
            }
            Element ps = Xml.child(document, "Pages");
            if (ps != null) {
                for (Element p : Xml.children(ps, "Page")) {
                    pages.add(new PageRef(p.getAttribute("ID"), OfdArchive.resolve(docPath, p.getAttribute("BaseLoc"))));
                }
            }
        }

        static DocModel load(OfdArchive archive) throws OfdException {
            Element ofd = Xml.parse(archive.required("OFD.xml"), "OFD.xml");
            Element root = Xml.path(ofd, "DocBody", "DocRoot");
            if (root == null) {
                throw malformed("OFD.xml has no DocBody/DocRoot");
            }
            String docPath = OfdArchive.resolve("OFD.xml", Xml.text(root));
            return new DocModel(archive, ofd, docPath, Xml.parse(archive.required(docPath), docPath));
        }

        PageRef page(int index) {
            if (index < 0 || index >= pages.size()) {
                throw new PageIndexException("page " + index + " of " + pages.size());
            }
            return pages.get(index);
        }

        double[] pageBox(Element page) throws OfdException {
            Element box = Xml.path(page, "Area", "PhysicalBox");
            return box == null ? defaultBox : pageBoxNumbers(Xml.text(box));
        }

        private static double[] pageBoxNumbers(String s) throws OfdException {
            double[] b = numbers(s, 4, "PhysicalBox");
            if (!(b[2] > 0 && b[3] > 0)) {
                throw malformed("page box not positive");
            }
            return b;
        }
    }

    // ---------------------------------------------------------------- numbers

    static double number(String s, String what) throws OfdException {
        if (s == null) {
            throw malformed("missing " + what);
        }
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw malformed("not a number: " + what);
        }
        if (!Double.isFinite(v) || Math.abs(v) > MAX_COORD_MM) {
            throw malformed("out of range: " + what);
        }
        return v;
    }

    static double[] numbers(String s, int count, String what) throws OfdException {
        if (s == null) {
            throw malformed("missing " + what);
        }
        String[] t = s.trim().split("\\s+");
        if (t.length != count) {
            throw malformed(what + " needs " + count + " numbers");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = number(t[i], what);
        }
        return out;
    }

    /**
     * DeltaX/DeltaY, expanded only as far as {@code needed}: the {@code g n d} form repeats d n
     * times, and a hostile n of 10^9 must not become an array.
     */
    static double[] deltas(String s, int needed) throws OfdException {
        if (s == null || s.isBlank() || needed <= 0) {
            return new double[0];
        }
        String[] t = s.trim().split("\\s+");
        double[] out = new double[needed];
        int n = 0;
        for (int i = 0; i < t.length && n < needed; i++) {
            if ("g".equals(t[i])) {
                if (i + 2 >= t.length) {
                    throw malformed("bad g repeat in delta");
                }
                double reps;
                try {
                    reps = Double.parseDouble(t[i + 1]);
                } catch (NumberFormatException e) {
                    throw malformed("bad g repeat count");
                }
                if (!Double.isFinite(reps) || reps < 0 || reps != Math.rint(reps)) {
                    throw malformed("bad g repeat count");
                }
                double d = number(t[i + 2], "delta");
                for (long k = 0; k < (long) reps && n < needed; k++) {
                    out[n++] = d;
                }
                i += 2;
            } else {
                out[n++] = number(t[i], "delta");
            }
        }
        return n == needed ? out : java.util.Arrays.copyOf(out, n);
    }

    // ---------------------------------------------------------------- painting

    private static final class PagePainter {
        private final DocModel m;
        private final PageRef ref;
        private final Element page;
        private final float dpi;
        private final RenderOptions opts;
        private final double ppm;
        private final Map<String, Font> fontCache = new HashMap<>();
        private final Map<String, BufferedImage> images = new HashMap<>();
        private long decodedPixels;
        private final FontRenderContext frc = new FontRenderContext(null, true, true);
        private Res res;
        private Graphics2D g;
        private double[] box;
        private long pagePixels;
        private long pageW;
        private long pageH;
        private long painted;
        private int objects;
        private int chars;

        PagePainter(DocModel m, PageRef ref, Element page, float dpi, RenderOptions opts) {
            this.m = m;
            this.ref = ref;
            this.page = page;
            this.dpi = dpi;
            this.opts = opts;
            this.ppm = dpi / 25.4;
        }

        BufferedImage paint() throws OfdException {
            box = m.pageBox(page);
            long w = Math.round(box[2] * ppm);
            long h = Math.round(box[3] * ppm);
            if (w < 1 || h < 1 || w * h > MAX_PAGE_PIXELS) {
                throw malformed("page of " + w + "x" + h + " px outside bounds");
            }
            pagePixels = w * h;
            pageW = w;
            pageH = h;
            res = m.res;
            Element pageRes = null;
            for (Element pr : Xml.children(page, "PageRes")) {
                if (pageRes == null) {
                    res = res.copy();
                }
                pageRes = pr;
                res.load(m.archive, OfdArchive.resolve(ref.path, Xml.text(pr)));
            }
            BufferedImage img = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_RGB);
            g = img.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, (int) w, (int) h);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.scale(ppm, ppm);
                g.translate(-box[0], -box[1]);
                AffineTransform pageSpace = g.getTransform();

                List<Element> tpl = Xml.children(page, "Template");
                templates(tpl, false);
                Element content = Xml.child(page, "Content");
                if (content != null) {
                    content(content);
                }
                templates(tpl, true);
                g.setTransform(pageSpace);
                g.setClip(null);
                seals();
                g.setTransform(pageSpace);
                g.setClip(null);
                opts.watermark().ifPresent(this::watermark);
                g.setTransform(pageSpace);
                // Nearest neighbour: a QR code's modules must stay sharp-edged for the phone to read them.
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                opts.overlay().ifPresent(o -> g.drawImage(o.image(),
                        new AffineTransform(o.widthMm() / o.image().getWidth(), 0, 0, o.heightMm() / o.image().getHeight(),
                                o.xMm(), o.yMm()), null));
            } finally {
                g.dispose();
            }
            return img;
        }

        private void templates(List<Element> refs, boolean foreground) throws OfdException {
            for (Element t : refs) {
                String z = Xml.attr(t, "ZOrder");
                if ("Foreground".equalsIgnoreCase(z) != foreground) {
                    continue;
                }
                String path = m.templates.get(t.getAttribute("TemplateID"));
                if (path == null) {
                    throw malformed("missing template page");
                }
                Element tp = Xml.parse(m.archive.required(path), path);
                Element content = Xml.child(tp, "Content");
                if (content != null) {
                    content(content);
                }
            }
        }

        private void content(Element content) throws OfdException {
            for (Element layer : Xml.children(content, "Layer")) {
                block(layer, 1, Xml.attr(layer, "DrawParam"));
            }
        }

        private void block(Element block, int depth, String layerDrawParam) throws OfdException {
            if (depth > MAX_BLOCK_DEPTH) {
                throw malformed("PageBlock nesting over " + MAX_BLOCK_DEPTH);
            }
            for (Element o : Xml.children(block)) {
                String ln = o.getLocalName();
                if (ln == null) {
                    continue;
                }
                switch (ln) {
                    case "PageBlock" -> {
                        count();
                        block(o, depth + 1, layerDrawParam);
                    }
                    case "TextObject" -> {
                        count();
                        if (visible(o)) {
                            text(o, layerDrawParam);
                        }
                    }
                    case "PathObject" -> {
                        count();
                        if (visible(o)) {
                            path(o, layerDrawParam);
                        }
                    }
                    case "ImageObject" -> {
                        count();
                        if (visible(o)) {
                            image(o);
                        }
                    }
                    // CompositeObject, VideoObject and unknown elements are counted but not drawn.
                    default -> count();
                }
            }
        }

        private void count() throws OfdException {
            if (++objects > MAX_OBJECTS_PER_PAGE) {
                throw malformed("over " + MAX_OBJECTS_PER_PAGE + " objects on a page");
            }
        }

        private static boolean visible(Element o) {
            return !"false".equalsIgnoreCase(Xml.attr(o, "Visible"));
        }

        /** Charges the device area a shape covers (clipped to the page) against the paint budget. */
        private void charge(Shape userShape) throws OfdException {
            Rectangle2D b = g.getTransform().createTransformedShape(userShape).getBounds2D();
            double dw = Math.min(b.getMaxX(), pageW) - Math.max(b.getMinX(), 0);
            double dh = Math.min(b.getMaxY(), pageH) - Math.max(b.getMinY(), 0);
            double area = Math.max(0, Math.min(dw * Math.max(dh, 0), pagePixels));
            painted += (long) area + 1;
            if (painted > MAX_PAINTED_PAGES * pagePixels) {
                throw malformed("painted area over " + MAX_PAINTED_PAGES + " pages");
            }
        }

        /** Sets transform and clip for an object: origin at its Boundary, clipped to it, then CTM. */
        private AffineTransform enter(Element o, boolean clip) throws OfdException {
            AffineTransform saved = g.getTransform();
            double[] b = numbers(o.getAttribute("Boundary"), 4, "Boundary");
            if (b[2] < 0 || b[3] < 0) {
                throw malformed("negative Boundary");
            }
            Rectangle2D r = new Rectangle2D.Double(b[0], b[1], b[2], b[3]);
            g.setClip(null);
            // A producer that leaves the Boundary empty (0 wide or high) gets no clip rather than nothing.
            if (clip && b[2] > 0 && b[3] > 0) {
                g.clip(r);
                charge(r);
            }
            g.translate(b[0], b[1]);
            String ctm = Xml.attr(o, "CTM");
            if (ctm != null && !ctm.isBlank()) {
                double[] c = numbers(ctm, 6, "CTM");
                g.transform(new AffineTransform(c[0], c[1], c[2], c[3], c[4], c[5]));
            }
            return saved;
        }

        private void leave(AffineTransform saved) {
            g.setTransform(saved);
            g.setClip(null);
        }

        private Element drawParam(Element o, String layerDrawParam) {
            String id = Xml.attr(o, "DrawParam");
            if (id == null) {
                id = layerDrawParam;
            }
            return id == null ? null : res.drawParams.get(id);
        }

        private Color colour(Element o, String which, Element dp, Color dflt) throws OfdException {
            Element c = Xml.child(o, which);
            if (c == null && dp != null) {
                c = Xml.child(dp, which);
            }
            return c == null ? dflt : parseColour(c);
        }

        private double lineWidth(Element o, Element dp) throws OfdException {
            String lw = Xml.attr(o, "LineWidth");
            if (lw == null && dp != null) {
                lw = Xml.attr(dp, "LineWidth");
            }
            if (lw == null) {
                return DEFAULT_LINE_WIDTH_MM;
            }
            double v = number(lw, "LineWidth");
            if (v < 0 || v > 1000) {
                throw malformed("LineWidth out of range");
            }
            return v;
        }

        // ------------------------------------------------------------ text

        private record Code(Double x, Double y, double[] dx, double[] dy, int[] cps) {
        }

        private void text(Element o, String layerDrawParam) throws OfdException {
            String fontId = Xml.attr(o, "Font");
            FontRes fr = fontId == null ? null : res.fonts.get(fontId);
            if (fr == null) {
                throw malformed("TextObject font not in resources");
            }
            double size = number(o.getAttribute("Size"), "Size");
            if (!(size > 0 && size <= MAX_FONT_SIZE_MM)) {
                throw malformed("font Size out of range");
            }
            Element dp = drawParam(o, layerDrawParam);
            boolean fill = !"false".equalsIgnoreCase(Xml.attr(o, "Fill"));
            boolean stroke = "true".equalsIgnoreCase(Xml.attr(o, "Stroke"));
            Color fillColour = colour(o, "FillColor", dp, Color.BLACK);
            Color strokeColour = colour(o, "StrokeColor", dp, Color.BLACK);

            List<Code> codes = new ArrayList<>();
            StringBuilder joined = new StringBuilder();
            for (Element tc : Xml.children(o, "TextCode")) {
                String s = tc.getTextContent();
                int[] cps = s.codePoints().toArray();
                chars += cps.length;
                if (chars > MAX_CHARS_PER_PAGE) {
                    throw malformed("over " + MAX_CHARS_PER_PAGE + " characters on a page");
                }
                String x = Xml.attr(tc, "X");
                String y = Xml.attr(tc, "Y");
                codes.add(new Code(x == null ? null : number(x, "X"), y == null ? null : number(y, "Y"),
                        deltas(Xml.attr(tc, "DeltaX"), cps.length - 1), deltas(Xml.attr(tc, "DeltaY"), cps.length - 1), cps));
                joined.append(s);
            }
            if (codes.isEmpty()) {
                return;
            }
            codes = filtered(codes, joined.toString());

            Font base = font(fr);
            Font f = base.deriveFont((float) size);
            Font fb = null;   // only when the font lacks a glyph: finding the fallback costs time cold
            AffineTransform saved = enter(o, true);
            try {
                double x = 0;
                double y = 0;
                for (Code c : codes) {
                    x = c.x() != null ? c.x() : x;
                    y = c.y() != null ? c.y() : y;
                    for (int i = 0; i < c.cps().length; i++) {
                        int cp = c.cps()[i];
                        Font use = f;
                        if (!f.canDisplay(cp)) {
                            if (fb == null) {
                                fb = Fonts.cjkFallback().deriveFont((float) size);
                            }
                            use = fb.canDisplay(cp) ? fb : f;
                        }
                        String s = new String(Character.toChars(cp));
                        if (!Character.isWhitespace(cp)) {
                            charge(new Rectangle2D.Double(x, y - size, size, size * 1.3));
                            if (fill) {
                                g.setColor(fillColour);
                                g.setFont(use);
                                g.drawString(s, (float) x, (float) y);
                            }
                            if (stroke) {
                                g.setColor(strokeColour);
                                g.setStroke(new BasicStroke((float) lineWidth(o, dp)));
                                g.draw(use.createGlyphVector(frc, s).getOutline((float) x, (float) y));
                            }
                        }
                        // The font's advance only where DeltaX runs out: measuring every glyph costs time.
                        x += i < c.dx().length ? c.dx()[i] : use.getStringBounds(s, frc).getWidth();
                        y += i < c.dy().length ? c.dy()[i] : 0;
                    }
                }
            } finally {
                leave(saved);
            }
        }

        /** Applies the text filter to the joined text; see the class comment for the layout rule. */
        private List<Code> filtered(List<Code> codes, String joined) {
            UnaryOperator<String> filter = opts.textFilter();
            String out = filter.apply(joined);
            if (out == null) {
                out = "";
            }
            if (out.equals(joined)) {
                return codes;
            }
            int[] cps = out.codePoints().toArray();
            List<Code> result = new ArrayList<>();
            int total = codes.stream().mapToInt(c -> c.cps().length).sum();
            if (cps.length == total) {
                int at = 0;
                for (Code c : codes) {
                    result.add(new Code(c.x(), c.y(), c.dx(), c.dy(), java.util.Arrays.copyOfRange(cps, at, at + c.cps().length)));
                    at += c.cps().length;
                }
            } else {
                Code first = codes.get(0);
                result.add(new Code(first.x(), first.y(), first.dx(), first.dy(), cps));
            }
            return result;
        }

        private Font font(FontRes fr) throws OfdException {
            String key = fr.file() != null ? fr.file() : "name:" + fr.name() + "/" + fr.family();
            Font f = fontCache.get(key);
            if (f == null) {
                if (fontCache.size() >= MAX_FONTS_PER_PAGE) {
                    throw malformed("over " + MAX_FONTS_PER_PAGE + " fonts on a page");
                }
                // The same face installed here wins over the embedded copy: loading an embedded
                // font makes the JDK write it to a temporary file, and a per-document subset is
                // the set of characters on the page, the holder's name among them (see Fonts).
                Font same = fr.file() == null ? null : Fonts.installedByName(fr.name(), fr.family());
                if (same != null) {
                    f = same;
                } else if (fr.file() != null) {
                    byte[] bytes = m.archive.required(fr.file());
                    f = Fonts.embedded(bytes).orElseGet(() -> Fonts.system(fr.name(), fr.family()));
                } else {
                    f = Fonts.system(fr.name(), fr.family());
                }
                fontCache.put(key, f);
            }
            return f;
        }

        // ------------------------------------------------------------ paths

        private void path(Element o, String layerDrawParam) throws OfdException {
            Element dp = drawParam(o, layerDrawParam);
            boolean stroke = !"false".equalsIgnoreCase(Xml.attr(o, "Stroke"));
            boolean fill = "true".equalsIgnoreCase(Xml.attr(o, "Fill"));
            if (!stroke && !fill) {
                return;
            }
            Path2D.Double p = abbreviated(Xml.text(Xml.child(o, "AbbreviatedData")));
            p.setWindingRule("Even-Odd".equalsIgnoreCase(Xml.attr(o, "Rule")) ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO);
            Color fillColour = colour(o, "FillColor", dp, Color.BLACK);
            Color strokeColour = colour(o, "StrokeColor", dp, Color.BLACK);
            double lw = lineWidth(o, dp);
            AffineTransform saved = enter(o, true);
            try {
                if (fill) {
                    g.setColor(fillColour);
                    g.fill(p);
                }
                if (stroke && lw > 0) {
                    g.setColor(strokeColour);
                    g.setStroke(new BasicStroke((float) lw, cap(Xml.attr(o, "Cap")), join(Xml.attr(o, "Join")), 10f));
                    g.draw(p);
                }
            } finally {
                leave(saved);
            }
        }

        private static int cap(String s) {
            if ("Round".equalsIgnoreCase(s)) {
                return BasicStroke.CAP_ROUND;
            }
            return "Square".equalsIgnoreCase(s) ? BasicStroke.CAP_SQUARE : BasicStroke.CAP_BUTT;
        }

        private static int join(String s) {
            if ("Round".equalsIgnoreCase(s)) {
                return BasicStroke.JOIN_ROUND;
            }
            return "Bevel".equalsIgnoreCase(s) ? BasicStroke.JOIN_BEVEL : BasicStroke.JOIN_MITER;
        }

        // ------------------------------------------------------------ images

        private void image(Element o) throws OfdException {
            MediaRes mr = res.media.get(o.getAttribute("ResourceID"));
            if (mr == null) {
                throw malformed("ImageObject resource missing");
            }
            BufferedImage img = images.get(mr.path());
            if (img == null) {
                // Decoded once per render: 20 000 tiny ImageObjects naming one big picture must not
                // decode it 20 000 times. Not kept after the render: a license photo is personal data.
                img = decode(m.archive.required(mr.path()), "image");
                decodedPixels += (long) img.getWidth() * img.getHeight();
                if (decodedPixels > MAX_DECODED_PIXELS_PER_PAGE) {
                    throw malformed("images on a page over " + MAX_DECODED_PIXELS_PER_PAGE + " pixels");
                }
                images.put(mr.path(), img);
            }
            double[] b = numbers(o.getAttribute("Boundary"), 4, "Boundary");
            boolean hasCtm = Xml.attr(o, "CTM") != null && !o.getAttribute("CTM").isBlank();
            AffineTransform saved = enter(o, true);
            try {
                // The image occupies the unit square, which the CTM maps into the Boundary; without
                // a CTM readers stretch it over the Boundary, and so do we.
                AffineTransform t = hasCtm ? new AffineTransform() : AffineTransform.getScaleInstance(b[2], b[3]);
                t.scale(1.0 / img.getWidth(), 1.0 / img.getHeight());
                g.drawImage(img, t, null);
            } finally {
                leave(saved);
            }
        }

        // ------------------------------------------------------------ seals

        private void seals() throws OfdException {
            Element sigsRef = Xml.path(m.ofd, "DocBody", "Signatures");
            if (sigsRef == null) {
                return;
            }
            String sigsPath = OfdArchive.resolve("OFD.xml", Xml.text(sigsRef));
            Element sigs = Xml.parse(m.archive.required(sigsPath), sigsPath);
            List<Element> list = Xml.children(sigs, "Signature");
            if (list.size() > MAX_SIGNATURES) {
                throw malformed("over " + MAX_SIGNATURES + " signatures");
            }
            for (Element s : list) {
                String sigPath = OfdArchive.resolve(sigsPath, s.getAttribute("BaseLoc"));
                Element sig = Xml.parse(m.archive.required(sigPath), sigPath);
                List<double[]> boxes = new ArrayList<>();
                NodeList stamps = sig.getElementsByTagNameNS("*", "StampAnnot");
                for (int i = 0; i < stamps.getLength() && i < MAX_SIGNATURES; i++) {
                    Element sa = (Element) stamps.item(i);
                    if (ref.id().equals(sa.getAttribute("PageRef").trim())) {
                        double[] b = numbers(sa.getAttribute("Boundary"), 4, "StampAnnot Boundary");
                        if (b[2] <= 0 || b[3] <= 0) {
                            throw malformed("StampAnnot Boundary not positive");
                        }
                        boxes.add(b);
                    }
                }
                if (boxes.isEmpty()) {
                    continue;
                }
                NodeList sealLocs = sig.getElementsByTagNameNS("*", "Seal");
                Element loc = sealLocs.getLength() == 0 ? null : Xml.child((Element) sealLocs.item(0), "BaseLoc");
                if (loc == null) {
                    throw malformed("stamp without a seal file");
                }
                BufferedImage pic = sealPicture(m.archive.required(OfdArchive.resolve(sigPath, Xml.text(loc))));
                decodedPixels += (long) pic.getWidth() * pic.getHeight();
                if (decodedPixels > MAX_DECODED_PIXELS_PER_PAGE) {
                    throw malformed("images on a page over " + MAX_DECODED_PIXELS_PER_PAGE + " pixels");
                }
                for (double[] b : boxes) {
                    Rectangle2D r = new Rectangle2D.Double(b[0], b[1], b[2], b[3]);
                    charge(r);
                    g.drawImage(pic, new AffineTransform(b[2] / pic.getWidth(), 0, 0, b[3] / pic.getHeight(), b[0], b[1]), null);
                }
            }
        }

        // ------------------------------------------------------------ watermark

        /** Rows of the text across the page at 30°, translucent grey, so it marks but does not hide. */
        private void watermark(String text) {
            double w = box[2];
            double h = box[3];
            double size = Math.max(4, Math.min(w, h) / 30);
            Font f = Fonts.cjkFallback().deriveFont((float) size);
            double tw = f.getStringBounds(text, frc).getWidth() + size * 4;
            double diag = Math.hypot(w, h);
            g.translate(box[0] + w / 2, box[1] + h / 2);
            g.rotate(-Math.PI / 6);
            g.setFont(f);
            g.setColor(WATERMARK_COLOUR);
            Composite c = g.getComposite();
            g.setComposite(AlphaComposite.SrcOver);
            int row = 0;
            for (double y = -diag / 2; y <= diag / 2; y += size * 6, row++) {
                double shift = (row % 2) * tw / 2;
                for (double x = -diag / 2 - shift; x <= diag / 2; x += tw) {
                    g.drawString(text, (float) x, (float) y);
                }
            }
            g.setComposite(c);
        }
    }

    // ---------------------------------------------------------------- shared helpers

    static Color parseColour(Element c) throws OfdException {
        String v = Xml.attr(c, "Value");
        int alpha = 255;
        String a = Xml.attr(c, "Alpha");
        if (a != null) {
            alpha = clamp(number(a, "Alpha"));
        }
        if (v == null || v.isBlank()) {
            // A shading or pattern (AxialShd, RadialShd, Pattern) is not drawn as such: its first
            // colour stands in, so a gradient band does not turn into a black slab.
            NodeList inner = c.getElementsByTagNameNS("*", "Color");
            for (int i = 0; i < inner.getLength(); i++) {
                Element e = (Element) inner.item(i);
                if (e != c && Xml.attr(e, "Value") != null) {
                    return parseColour(e);
                }
            }
            return Xml.children(c).isEmpty() ? new Color(0, 0, 0, alpha) : new Color(0, 0, 0, 0);
        }
        String[] t = v.trim().split("\\s+");
        int[] k = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("#")) {
                try {
                    k[i] = Math.min(255, Integer.parseInt(t[i].substring(1), 16));
                } catch (NumberFormatException e) {
                    throw malformed("bad colour");
                }
            } else {
                k[i] = clamp(number(t[i], "colour"));
            }
        }
        return switch (k.length) {
            case 1 -> new Color(k[0], k[0], k[0], alpha);
            case 3 -> new Color(k[0], k[1], k[2], alpha);
            // CMYK without a profile: the naive conversion; e-licenses use RGB.
            case 4 -> new Color((255 - k[0]) * (255 - k[3]) / 255, (255 - k[1]) * (255 - k[3]) / 255,
                    (255 - k[2]) * (255 - k[3]) / 255, alpha);
            default -> throw malformed("colour needs 1, 3 or 4 components");
        };
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** AbbreviatedData (GB/T 33190 §9.3.2): absolute coordinates, C (and Z) close the subpath. */
    static Path2D.Double abbreviated(String data) throws OfdException {
        Path2D.Double p = new Path2D.Double();
        if (data == null || data.isBlank()) {
            return p;
        }
        String[] t = data.trim().split("\\s+");
        if (t.length > MAX_PATH_NUMBERS) {
            throw malformed("path over " + MAX_PATH_NUMBERS + " tokens");
        }
        int i = 0;
        double cx = 0;
        double cy = 0;
        boolean started = false;
        while (i < t.length) {
            String op = t[i++];
            int need = switch (op) {
                case "S", "M", "L" -> 2;
                case "Q" -> 4;
                case "B" -> 6;
                case "A" -> 7;
                case "C", "Z", "c", "z" -> 0;
                default -> throw malformed("unknown path operator");
            };
            if (i + need > t.length) {
                throw malformed("path operator short of numbers");
            }
            double[] a = new double[need];
            for (int k = 0; k < need; k++) {
                a[k] = number(t[i + k], "path");
            }
            i += need;
            if (!started && !(op.equals("S") || op.equals("M"))) {
                // Drawing before a start point: start at the origin, as readers do.
                p.moveTo(0, 0);
                started = true;
            }
            switch (op) {
                case "S", "M" -> {
                    p.moveTo(a[0], a[1]);
                    started = true;
                    cx = a[0];
                    cy = a[1];
                }
                case "L" -> {
                    p.lineTo(a[0], a[1]);
                    cx = a[0];
                    cy = a[1];
                }
                case "Q" -> {
                    p.quadTo(a[0], a[1], a[2], a[3]);
                    cx = a[2];
                    cy = a[3];
                }
                case "B" -> {
                    p.curveTo(a[0], a[1], a[2], a[3], a[4], a[5]);
                    cx = a[4];
                    cy = a[5];
                }
                case "A" -> {
                    arc(p, cx, cy, a[0], a[1], a[2], a[3] != 0, a[4] != 0, a[5], a[6]);
                    cx = a[5];
                    cy = a[6];
                }
                default -> {
                    p.closePath();
                    java.awt.geom.Point2D cur = p.getCurrentPoint();
                    if (cur != null) {
                        cx = cur.getX();
                        cy = cur.getY();
                    }
                }
            }
        }
        return p;
    }

    /** An elliptical arc given by end points (SVG's parameterisation, which OFD's A uses). */
    static void arc(Path2D p, double x0, double y0, double rx, double ry, double angleDeg, boolean large, boolean sweep,
                    double x, double y) {
        if (x0 == x && y0 == y) {
            return;
        }
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0) {
            p.lineTo(x, y);
            return;
        }
        double phi = Math.toRadians(angleDeg);
        double cos = Math.cos(phi);
        double sin = Math.sin(phi);
        double dx2 = (x0 - x) / 2;
        double dy2 = (y0 - y) / 2;
        double x1p = cos * dx2 + sin * dy2;
        double y1p = -sin * dx2 + cos * dy2;
        double lambda = x1p * x1p / (rx * rx) + y1p * y1p / (ry * ry);
        if (lambda > 1) {
            double s = Math.sqrt(lambda);
            rx *= s;
            ry *= s;
        }
        double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
        double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
        double coef = (large == sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
        double cxp = coef * rx * y1p / ry;
        double cyp = -coef * ry * x1p / rx;
        double cx = cos * cxp - sin * cyp + (x0 + x) / 2;
        double cy = sin * cxp + cos * cyp + (y0 + y) / 2;
        double t1 = Math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx);
        double t2 = Math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx);
        double dt = t2 - t1;
        if (sweep && dt < 0) {
            dt += 2 * Math.PI;
        } else if (!sweep && dt > 0) {
            dt -= 2 * Math.PI;
        }
        // Arc2D's angles grow counter-clockwise on screen (y down), ours clockwise: negate.
        Arc2D arc = new Arc2D.Double(-rx, -ry, 2 * rx, 2 * ry, -Math.toDegrees(t1), -Math.toDegrees(dt), Arc2D.OPEN);
        AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
        at.rotate(phi);
        p.append(at.createTransformedShape(arc).getPathIterator(null), true);
    }

    /**
     * Decodes PNG/JPEG/GIF/BMP from bytes after checking the declared size, so a tiny file that
     * claims 100 000 × 100 000 pixels is refused before any pixel memory is taken.
     */
    static BufferedImage decode(byte[] bytes, String what) throws OfdException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                throw malformed(what + ": not a known image format");
            }
            ImageReader r = it.next();
            try {
                String fmt = r.getFormatName().toLowerCase(Locale.ROOT);
                if (!Set.of("png", "jpeg", "jpg", "gif", "bmp").contains(fmt)) {
                    throw malformed(what + ": unsupported image format");
                }
                r.setInput(in, true, true);
                long w = r.getWidth(0);
                long h = r.getHeight(0);
                if (w < 1 || h < 1 || w * h > MAX_IMAGE_PIXELS) {
                    throw malformed(what + ": " + w + "x" + h + " pixels outside bounds");
                }
                BufferedImage img = r.read(0);
                if (img == null) {
                    throw malformed(what + ": undecodable");
                }
                return img;
            } finally {
                r.dispose();
            }
        } catch (OfdException e) {
            throw e;
        } catch (Exception e) {
            throw malformed(what + ": undecodable " + e.getClass().getSimpleName());
        }
    }

    /** The seal's picture: GB/T 38540 (v4) first, then GM/T 0031 (v1) which older seals use. */
    static BufferedImage sealPicture(byte[] esl) throws OfdException {
        String type;
        byte[] data;
        try {
            var pic = org.ofdrw.gm.ses.v4.SESeal.getInstance(esl).geteSealInfo().getPicture();
            type = pic.getType().getString();
            data = pic.getData().getOctets();
        } catch (RuntimeException v4) {
            try {
                var pic = org.ofdrw.gm.ses.v1.SESeal.getInstance(esl).getEsealInfo().getPicture();
                type = pic.getType().getString();
                data = pic.getData().getOctets();
            } catch (RuntimeException v1) {
                throw malformed("unreadable seal");
            }
        }
        String t = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        if (!Set.of("PNG", "JPG", "JPEG", "GIF", "BMP").contains(t)) {
            // An OFD-type (vector) seal picture is not supported: refuse rather than print no seal.
            throw malformed("seal picture type not supported");
        }
        return decode(data, "seal picture");
    }
}
