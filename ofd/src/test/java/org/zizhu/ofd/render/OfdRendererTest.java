package org.zizhu.ofd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.ofd.OfdArchive;

/** Renders real ofdrw-made, ofdrw-sealed documents and checks what lands on the pixels. */
class OfdRendererTest {
    private static final float DPI = 150f;
    private static final OfdRenderer R = new OfdRenderer();
    private static final String CONTENT = "Doc_0/Pages/Page_0/Content.xml";

    @TempDir
    static Path dir;
    static byte[] sealed;
    static OfdArchive doc;
    static BufferedImage plain;

    @BeforeAll
    static void make() throws Exception {
        sealed = Fixtures.seal(dir, Fixtures.licence(dir, Fixtures.ID_LINE, true));
        doc = OfdArchive.read(sealed);
        plain = R.render(doc, 0, DPI, RenderOptions.defaults());
    }

    static int px(double mm) {
        return (int) Math.round(mm * DPI / 25.4);
    }

    static boolean dark(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() + c.getGreen() + c.getBlue() < 3 * 110;
    }

    static boolean red(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 150 && c.getGreen() < 110 && c.getBlue() < 110;
    }

    static boolean white(int rgb) {
        return (rgb & 0xFFFFFF) == 0xFFFFFF;
    }

    interface PixelTest {
        boolean test(int rgb);
    }

    static int count(BufferedImage img, double[] mmBox, PixelTest t) {
        int n = 0;
        for (int y = Math.max(0, px(mmBox[1])); y < Math.min(img.getHeight(), px(mmBox[1] + mmBox[3])); y++) {
            for (int x = Math.max(0, px(mmBox[0])); x < Math.min(img.getWidth(), px(mmBox[0] + mmBox[2])); x++) {
                if (t.test(img.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    static double[] nums(String s) {
        String[] t = s.trim().split("\\s+");
        double[] d = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            d[i] = Double.parseDouble(t[i]);
        }
        return d;
    }

    /** Boundaries of every graphic object in the page content, from the XML itself. */
    static List<double[]> boundaries(String contentXml) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<ofd:(Text|Path|Image)Object[^>]*Boundary=\"([^\"]+)\"").matcher(contentXml);
        while (m.find()) {
            out.add(nums(m.group(2)));
        }
        return out;
    }

    /** The Boundary of the TextObject whose text contains {@code needle}. */
    static double[] textBoundary(String contentXml, String needle) {
        Matcher m = Pattern.compile("<ofd:TextObject[^>]*Boundary=\"([^\"]+)\"[^>]*>(.*?)</ofd:TextObject>").matcher(contentXml);
        while (m.find()) {
            if (m.group(2).contains(needle)) {
                return nums(m.group(1));
            }
        }
        throw new AssertionError("no TextObject with " + needle);
    }

    static double[] grow(double[] b, double mm) {
        return new double[] {b[0] - mm, b[1] - mm, b[2] + 2 * mm, b[3] + 2 * mm};
    }

    static boolean inside(double[] b, int x, int y) {
        return x >= px(b[0]) && x < px(b[0] + b[2]) && y >= px(b[1]) && y < px(b[1] + b[3]);
    }

    @Test
    void pageCountSizeAndA4At300Dpi() throws Exception {
        assertEquals(1, R.pageCount(doc));
        PageSize s = R.pageSize(doc, 0);
        assertEquals(210, s.widthMm(), 1e-9);
        assertEquals(297, s.heightMm(), 1e-9);
        BufferedImage img = R.render(doc, 0, RenderOptions.defaults());
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
        assertTrue(Math.abs(img.getWidth() - 2480) <= 1, "width " + img.getWidth());
        assertTrue(Math.abs(img.getHeight() - 3508) <= 1, "height " + img.getHeight());
        assertTrue(white(img.getRGB(5, 5)), "white background");
        assertThrows(IllegalArgumentException.class, () -> R.render(doc, 1, RenderOptions.defaults()));
    }

    @Test
    void textIsDrawnInsideItsBoundaryAndNothingOutsideTheObjects() throws Exception {
        String content = Fixtures.entry(sealed, CONTENT);
        double[] id = textBoundary(content, Fixtures.ID_NUMBER);
        assertTrue(count(plain, id, OfdRendererTest::dark) > 200, "the ID line has ink");
        double[] title = textBoundary(content, "电子证照");
        assertTrue(count(plain, title, OfdRendererTest::dark) > 300, "the title has ink");
        List<double[]> allowed = new ArrayList<>();
        for (double[] b : boundaries(content)) {
            allowed.add(grow(b, 0.3));
        }
        allowed.add(grow(Fixtures.STAMP, 0.3));
        int stray = 0;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                if (!white(plain.getRGB(x, y))) {
                    int fx = x;
                    int fy = y;
                    if (allowed.stream().noneMatch(b -> inside(b, fx, fy))) {
                        stray++;
                    }
                }
            }
        }
        assertEquals(0, stray, "pixels painted outside every object's Boundary");
        // The Div's blue box and the green photo are where their boundaries say.
        assertTrue(count(plain, allBoundariesOf(content, "PathObject").get(0), rgb -> (rgb & 0xFF) > 200 && ((rgb >> 16) & 0xFF) < 60) > 100);
        assertTrue(count(plain, allBoundariesOf(content, "ImageObject").get(0), rgb -> ((rgb >> 8) & 0xFF) > 120 && ((rgb >> 16) & 0xFF) < 60) > 1000);
    }

    static List<double[]> allBoundariesOf(String content, String kind) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<ofd:" + kind + "[^>]*Boundary=\"([^\"]+)\"").matcher(content);
        while (m.find()) {
            out.add(nums(m.group(1)));
        }
        return out;
    }

    @Test
    void redSealAppearsInsideTheStampAnnotBoundaryOnly() throws Exception {
        String sig = Fixtures.entry(sealed, "Doc_0/Signs/Sign_0/Signature.xml");
        Matcher m = Pattern.compile("StampAnnot[^>]*Boundary=\"([^\"]+)\"").matcher(sig);
        assertTrue(m.find(), sig);
        double[] stamp = nums(m.group(1));
        assertEquals(Fixtures.STAMP[0], stamp[0], 1e-6);
        int inside = count(plain, stamp, OfdRendererTest::red);
        int area = px(stamp[2]) * px(stamp[3]);
        assertTrue(inside > area / 20, "red seal pixels: " + inside + " of " + area);
        int all = count(plain, new double[] {0, 0, 210, 297}, OfdRendererTest::red);
        assertEquals(inside, all, "red only inside the stamp");
        // The seal is on top: a black text square under it would stay visible only outside the ring.
    }

    @Test
    void textFilterChangesOnlyTheFilteredText() throws Exception {
        RenderOptions mask = RenderOptions.defaults().withDpi(DPI)
                .withTextFilter(s -> s.replaceAll("(\\d{6})\\d{8}(\\d{3}[\\dXx])", "$1********$2"));
        BufferedImage masked = R.render(doc, 0, mask);
        String content = Fixtures.entry(sealed, CONTENT);
        double[] id = textBoundary(content, Fixtures.ID_NUMBER);
        int diffInside = 0;
        int diffOutside = 0;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                if (plain.getRGB(x, y) != masked.getRGB(x, y)) {
                    if (inside(id, x, y)) {
                        diffInside++;
                    } else {
                        diffOutside++;
                    }
                }
            }
        }
        assertTrue(diffInside > 50, "masking changed the ID line: " + diffInside);
        assertEquals(0, diffOutside, "masking changed nothing else");
        // The name and title are untouched by a filter that does not match them.
        assertEquals(count(plain, textBoundary(content, "张三"), OfdRendererTest::dark),
                count(masked, textBoundary(content, "张三"), OfdRendererTest::dark));
    }

    @Test
    void filteredTextIsDrawnExactlyAsTheMaskedStringWouldBe() throws Exception {
        // Same positions (DeltaX), one TextObject split over two TextCodes: the filter sees the joined text.
        String dx = "g 17 2.5";
        String split = "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"4\">"
                + "<ofd:TextCode X=\"1\" Y=\"6\" DeltaX=\"g 8 2.5\">110101199</ofd:TextCode>"
                + "<ofd:TextCode X=\"23.5\" Y=\"6\" DeltaX=\"g 8 2.5\">003071234</ofd:TextCode></ofd:TextObject>";
        String direct = "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"4\">"
                + "<ofd:TextCode X=\"1\" Y=\"6\" DeltaX=\"" + dx + "\">" + Fixtures.ID_MASKED + "</ofd:TextCode></ofd:TextObject>";
        RenderOptions mask = RenderOptions.defaults().withDpi(DPI)
                .withTextFilter(s -> s.replaceAll("(\\d{6})\\d{8}(\\d{4})", "$1********$2"));
        BufferedImage filtered = R.render(OfdArchive.read(Fixtures.mini(split)), 0, mask);
        BufferedImage unfiltered = R.render(OfdArchive.read(Fixtures.mini(split)), 0, RenderOptions.defaults().withDpi(DPI));
        BufferedImage expected = R.render(OfdArchive.read(Fixtures.mini(direct)), 0, RenderOptions.defaults().withDpi(DPI));
        assertTrue(sameImage(filtered, expected), "masked rendering equals the masked string rendered directly");
        assertTrue(!sameImage(unfiltered, expected), "and differs from the unmasked one");
        // A filter that changes the length draws the new text as one run from the first TextCode.
        BufferedImage shorter = R.render(OfdArchive.read(Fixtures.mini(split)), 0,
                RenderOptions.defaults().withDpi(DPI).withTextFilter(s -> "***"));
        assertTrue(count(shorter, new double[] {20, 20, 80, 10}, OfdRendererTest::dark) > 0);
        assertEquals(0, count(shorter, new double[] {30, 20, 70, 10}, OfdRendererTest::dark), "three stars end early");
    }

    static boolean sameImage(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void watermarkAndQrOverlayAppear() throws Exception {
        BufferedImage qr = new BufferedImage(21, 21, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 21; x++) {
                qr.setRGB(x, y, (x + y) % 2 == 0 ? 0 : 0xFFFFFF);
            }
        }
        RenderOptions o = RenderOptions.defaults().withDpi(DPI)
                .withWatermark("此件由紫竹政务服务中心提供，仅供办理政务服务事项时使用")
                .withOverlay(qr, 170, 250, 25, 25);
        BufferedImage img = R.render(doc, 0, o);
        double[] empty = {20, 150, 140, 80};   // nothing of the license there
        assertEquals(0, count(plain, empty, rgb -> !white(rgb)));
        int grey = count(img, empty, rgb -> {
            Color c = new Color(rgb);
            return !white(rgb) && Math.abs(c.getRed() - c.getGreen()) < 8 && Math.abs(c.getGreen() - c.getBlue()) < 8
                    && c.getRed() > 150;
        });
        assertTrue(grey > 500, "light grey watermark in the empty area: " + grey);
        assertEquals(0, count(img, empty, OfdRendererTest::dark), "watermark is light, not dark");
        double[] qrBox = {170, 250, 25, 25};
        assertEquals(0, count(plain, qrBox, OfdRendererTest::dark));
        int qrDark = count(img, qrBox, OfdRendererTest::dark);
        assertTrue(qrDark > px(25) * px(25) * 4 / 10, "QR overlay drawn crisp (half its modules dark): " + qrDark);
    }

    @Test
    void glyphsMatchAJava2dReferenceRoughly() throws Exception {
        // Reference: the same string, same embedded font and size, drawn at the TextCode's positions by Java2D directly.
        String content = Fixtures.entry(sealed, CONTENT);
        Matcher m = Pattern.compile("<ofd:TextObject[^>]*Boundary=\"([^\"]+)\"[^>]*Size=\"([^\"]+)\"[^>]*>"
                + "<ofd:TextCode X=\"([^\"]+)\" Y=\"([^\"]+)\" DeltaX=\"([^\"]+)\">" + Pattern.quote(Fixtures.ID_LINE)).matcher(content);
        assertTrue(m.find(), content);
        double[] b = nums(m.group(1));
        float size = Float.parseFloat(m.group(2));
        double x = Double.parseDouble(m.group(3));
        double y = Double.parseDouble(m.group(4));
        double[] dx = nums(m.group(5));
        String fontEntry = Fixtures.unzip(sealed).keySet().stream().filter(n -> n.endsWith(".ttf")).findFirst().orElseThrow();
        Font font = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(Fixtures.unzip(sealed).get(fontEntry)))
                .deriveFont(size);
        BufferedImage ref = new BufferedImage(plain.getWidth(), plain.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ref.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, ref.getWidth(), ref.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(DPI / 25.4, DPI / 25.4);
        g.setColor(Color.BLACK);
        g.setFont(font);
        int[] cps = Fixtures.ID_LINE.codePoints().toArray();
        double cx = b[0] + x;
        for (int i = 0; i < cps.length; i++) {
            g.drawString(new String(Character.toChars(cps[i])), (float) cx, (float) (b[1] + y));
            cx += i < dx.length ? dx[i] : 0;
        }
        g.dispose();
        // Per character cell: ink in ours exactly where the reference has ink; total ink within 25 %.
        cx = b[0] + x;
        for (int i = 0; i < cps.length; i++) {
            double w = i < dx.length ? dx[i] : size;
            double[] cell = {cx + w * 0.1, b[1], w * 0.8, b[3]};
            boolean refInk = count(ref, cell, OfdRendererTest::dark) > 0;
            boolean ourInk = count(plain, cell, OfdRendererTest::dark) > 0;
            assertEquals(refInk, ourInk, "ink in cell " + i);
            cx += w;
        }
        int refInk = count(ref, b, OfdRendererTest::dark);
        int ourInk = count(plain, b, OfdRendererTest::dark);
        assertTrue(Math.abs(refInk - ourInk) < refInk / 4, "ink " + ourInk + " vs reference " + refInk);
    }

    @Test
    void fontNotEmbeddedFallsBackToAnInstalledCjkFont() throws Exception {
        byte[] ofd = Fixtures.licence(dir, Fixtures.ID_LINE, false);
        String content = Fixtures.entry(ofd, CONTENT);
        BufferedImage img = R.render(OfdArchive.read(ofd), 0, RenderOptions.defaults().withDpi(DPI));
        assertTrue(count(img, textBoundary(content, "电子证照"), OfdRendererTest::dark) > 300);
        assertTrue(count(img, textBoundary(content, Fixtures.ID_NUMBER), OfdRendererTest::dark) > 200);
    }

    @Test
    void repeatFormOfDeltaXEqualsTheExplicitForm() throws Exception {
        String a = "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"4\">"
                + "<ofd:TextCode X=\"1\" Y=\"6\" DeltaX=\"3 g 3 4 3\">紫竹示范0</ofd:TextCode></ofd:TextObject>";
        String b = a.replace("3 g 3 4 3", "3 4 4 4 3");
        BufferedImage ia = R.render(OfdArchive.read(Fixtures.mini(a)), 0, RenderOptions.defaults().withDpi(DPI));
        BufferedImage ib = R.render(OfdArchive.read(Fixtures.mini(b)), 0, RenderOptions.defaults().withDpi(DPI));
        assertTrue(sameImage(ia, ib));
        assertTrue(count(ia, new double[] {20, 20, 80, 10}, OfdRendererTest::dark) > 50);
    }

    @Test
    void pathsArcsColoursPageBlocksAndTemplates() throws Exception {
        // A filled circle of radius 10 mm made of two arcs, inside two nested PageBlocks, in 50% grey.
        String circle = "<ofd:PageBlock ID=\"30\"><ofd:PageBlock ID=\"31\"><ofd:PathObject ID=\"21\" Boundary=\"50 50 20 20\""
                + " Fill=\"true\" Stroke=\"false\"><ofd:FillColor Value=\"#80 #80 #80\"/>"
                + "<ofd:AbbreviatedData>M 0 10 A 10 10 0 1 1 20 10 A 10 10 0 1 1 0 10 C</ofd:AbbreviatedData></ofd:PathObject>"
                + "</ofd:PageBlock></ofd:PageBlock>"
                // A cubic and quadratic stroke in blue with a CTM scaling by 2.
                + "<ofd:PathObject ID=\"22\" Boundary=\"100 50 40 40\" LineWidth=\"1\" CTM=\"2 0 0 2 0 0\">"
                + "<ofd:StrokeColor Value=\"0 0 255\"/><ofd:AbbreviatedData>S 1 1 B 5 1 10 5 10 10 Q 10 19 1 19</ofd:AbbreviatedData></ofd:PathObject>";
        byte[] pkg = Fixtures.mini(circle);
        BufferedImage img = R.render(OfdArchive.read(pkg), 0, RenderOptions.defaults().withDpi(DPI));
        Color centre = new Color(img.getRGB(px(60), px(60)));
        assertEquals(0x80, centre.getRed(), 2);
        assertTrue(white(img.getRGB(px(51), px(51))), "corner of the circle's box is outside the circle");
        assertTrue(count(img, new double[] {100, 50, 40, 40}, rgb -> (rgb & 0xFF) > 200 && ((rgb >> 16) & 0xFF) < 80) > 50,
                "blue curves drawn");
        assertTrue(count(img, new double[] {100, 75, 40, 15}, rgb -> !white(rgb)) > 0, "CTM doubled the curve past 25 mm down");

        // The same page with a background TemplatePage holding a black bar.
        var m = Fixtures.unzip(pkg);
        String docXml = new String(m.get("Doc_0/Document.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<ofd:MaxUnitID>", "<ofd:TemplatePage ID=\"40\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/><ofd:MaxUnitID>");
        m.put("Doc_0/Document.xml", docXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String page = new String(m.get(CONTENT), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<ofd:Content>", "<ofd:Template TemplateID=\"40\" ZOrder=\"Background\"/><ofd:Content>");
        m.put(CONTENT, page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        m.put("Doc_0/Tpls/Tpl_0/Content.xml", ("<ofd:Page " + Fixtures.NS + "><ofd:Content><ofd:Layer ID=\"41\">"
                + "<ofd:PathObject ID=\"42\" Boundary=\"40 55 80 10\" Fill=\"true\"><ofd:AbbreviatedData>M 0 0 L 80 0 L 80 10 L 0 10 C"
                + "</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BufferedImage withTpl = R.render(OfdArchive.read(Fixtures.zip(m)), 0, RenderOptions.defaults().withDpi(DPI));
        assertTrue(dark(withTpl.getRGB(px(45), px(60))), "template bar drawn");
        assertEquals(0x80, new Color(withTpl.getRGB(px(60), px(60))).getRed(), 2, "page content over the template");
    }

    @Test
    void imageObjectIsPlacedByItsCtm() throws Exception {
        String img = "<ofd:ImageObject ID=\"20\" ResourceID=\"2\" Boundary=\"30 30 20 10\" CTM=\"20 0 0 10 0 0\"/>";
        BufferedImage out = R.render(OfdArchive.read(Fixtures.mini(img)), 0, RenderOptions.defaults().withDpi(DPI));
        assertTrue(count(out, new double[] {30.5, 30.5, 19, 9}, OfdRendererTest::red) > px(19) * px(9) * 9 / 10);
        assertEquals(0, count(out, new double[] {51, 30, 20, 20}, rgb -> !white(rgb)));
    }

    @Test
    void drawParamOfTheLayerAndPageResApply() throws Exception {
        // A DrawParam in a page-level resource file, named by the Layer: the path takes its red fill and width.
        var m = Fixtures.unzip(Fixtures.miniPage("<ofd:Page " + Fixtures.NS + "><ofd:PageRes>PageRes.xml</ofd:PageRes>"
                + "<ofd:Content><ofd:Layer ID=\"10\" DrawParam=\"50\">"
                + "<ofd:PathObject ID=\"22\" Boundary=\"100 50 40 40\" Fill=\"true\" Stroke=\"false\">"
                + "<ofd:AbbreviatedData>M 0 0 L 40 0 L 40 40 L 0 40 C</ofd:AbbreviatedData></ofd:PathObject>"
                + "</ofd:Layer></ofd:Content></ofd:Page>"));
        m.put("Doc_0/Pages/Page_0/PageRes.xml", ("<ofd:Res " + Fixtures.NS + "><ofd:DrawParams><ofd:DrawParam ID=\"50\">"
                + "<ofd:FillColor Value=\"255 0 0\"/></ofd:DrawParam></ofd:DrawParams></ofd:Res>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BufferedImage img = R.render(OfdArchive.read(Fixtures.zip(m)), 0, RenderOptions.defaults().withDpi(DPI));
        assertTrue(red(img.getRGB(px(120), px(70))), "fill colour from the layer's DrawParam");
    }

    @Test
    void unknownFontNameFallsBackToCjkAndWarmUpDoesNotThrow() throws Exception {
        OfdRenderer.warmUp();
        String text = "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"5\">"
                + "<ofd:TextCode X=\"1\" Y=\"6\" DeltaX=\"g 3 5\">紫竹示范</ofd:TextCode></ofd:TextObject>";
        var m = Fixtures.unzip(Fixtures.mini(text));
        String res = new String(m.get("Doc_0/PublicRes.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("FontName=\"WenQuanYi Zen Hei\" FamilyName=\"WenQuanYi Zen Hei\"", "FontName=\"方正小标宋简体\" FamilyName=\"FZXBSJW\"");
        m.put("Doc_0/PublicRes.xml", res.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BufferedImage img = R.render(OfdArchive.read(Fixtures.zip(m)), 0, RenderOptions.defaults().withDpi(DPI));
        // Each of the four CJK characters has ink in its 5 mm cell (a missing-glyph box would too, so check shapes differ).
        int[] ink = new int[4];
        for (int i = 0; i < 4; i++) {
            ink[i] = count(img, new double[] {21 + 5 * i, 20, 5, 10}, OfdRendererTest::dark);
            assertTrue(ink[i] > 20, "glyph " + i + " drawn");
        }
        assertTrue(java.util.Arrays.stream(ink).distinct().count() > 2, "real, different glyphs, not tofu boxes");
    }

    @Test
    void shadingFillUsesItsFirstColourNotBlack() throws Exception {
        String shd = "<ofd:PathObject ID=\"22\" Boundary=\"100 50 40 40\" Fill=\"true\" Stroke=\"false\"><ofd:FillColor>"
                + "<ofd:AxialShd StartPoint=\"0 0\" EndPoint=\"40 0\"><ofd:Segment Position=\"0\"><ofd:Color Value=\"0 0 255\"/></ofd:Segment>"
                + "<ofd:Segment Position=\"1\"><ofd:Color Value=\"255 0 0\"/></ofd:Segment></ofd:AxialShd></ofd:FillColor>"
                + "<ofd:AbbreviatedData>M 0 0 L 40 0 L 40 40 L 0 40 C</ofd:AbbreviatedData></ofd:PathObject>";
        BufferedImage img = R.render(OfdArchive.read(Fixtures.mini(shd)), 0, RenderOptions.defaults().withDpi(DPI));
        assertEquals(new Color(0, 0, 255).getRGB(), img.getRGB(px(120), px(70)));
    }

    /** The mini package with font 1 given an embedded FontFile holding {@code fontBytes}. */
    static byte[] withEmbeddedFont(String layer, byte[] fontBytes) throws Exception {
        var m = Fixtures.unzip(Fixtures.mini(layer));
        String res = new String(m.get("Doc_0/PublicRes.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("FamilyName=\"WenQuanYi Zen Hei\"/>", "FamilyName=\"WenQuanYi Zen Hei\"><ofd:FontFile>f.ttf</ofd:FontFile></ofd:Font>");
        m.put("Doc_0/PublicRes.xml", res.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        m.put("Doc_0/Res/f.ttf", fontBytes);
        return Fixtures.zip(m);
    }

    /** The package with font 1 renamed to a face no machine has installed. */
    static byte[] renamed(byte[] pkg) throws Exception {
        var m = Fixtures.unzip(pkg);
        String res = new String(m.get("Doc_0/PublicRes.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"WenQuanYi Zen Hei\"", "\"Zizhu Test Serif\"");
        m.put("Doc_0/PublicRes.xml", res.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Fixtures.zip(m);
    }

    @Test
    void embeddedFontIsUsedAndABrokenOneFallsBackToTheName() throws Exception {
        String text = "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 15\" Font=\"1\" Size=\"10\">"
                + "<ofd:TextCode X=\"1\" Y=\"10\" DeltaX=\"g 5 10\">AgRfQ&amp;</ofd:TextCode></ofd:TextObject>";
        RenderOptions o = RenderOptions.defaults().withDpi(DPI);
        BufferedImage byName = R.render(OfdArchive.read(Fixtures.mini(text)), 0, o);
        byte[] serif = java.nio.file.Files.readAllBytes(Path.of("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"));
        // Declared as WenQuanYi Zen Hei, which is installed: the installed face is used and the
        // embedded file never loaded (no JDK temp copy of a per-document subset).
        assertTrue(sameImage(byName, R.render(OfdArchive.read(withEmbeddedFont(text, serif)), 0, o)));
        // Declared under a name not installed here: the embedded file draws.
        BufferedImage embedded = R.render(OfdArchive.read(renamed(withEmbeddedFont(text, serif))), 0, o);
        assertTrue(!sameImage(byName, embedded), "the embedded serif font, not wqy by name, drew the text");
        // Reference: the serif font drawn by Java2D at the same positions.
        Font f = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(serif)).deriveFont(10f);
        BufferedImage ref = new BufferedImage(byName.getWidth(), byName.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ref.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, ref.getWidth(), ref.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(DPI / 25.4, DPI / 25.4);
        g.setColor(Color.BLACK);
        g.setFont(f);
        String s = "AgRfQ&";
        for (int i = 0; i < s.length(); i++) {
            g.drawString(s.substring(i, i + 1), 21f + 10 * i, 30f);
        }
        g.dispose();
        double[] box = {20, 20, 80, 15};
        int refInk = count(ref, box, OfdRendererTest::dark);
        int ourInk = count(embedded, box, OfdRendererTest::dark);
        assertTrue(Math.abs(refInk - ourInk) < refInk / 5, "ink " + ourInk + " vs reference " + refInk);
        // Garbage font bytes: substitute by FontName, as for a font that is not embedded.
        BufferedImage broken = R.render(OfdArchive.read(withEmbeddedFont(text, "not a font".getBytes())), 0, o);
        assertTrue(sameImage(byName, broken));
    }

    @Test
    void secondPageWithItsOwnAreaAndTheSealOnlyWhereItsPageRefSays() throws Exception {
        var m = Fixtures.unzip(sealed);
        String docXml = new String(m.get("Doc_0/Document.xml"), java.nio.charset.StandardCharsets.UTF_8);
        // Page 2 (ID 900), A5 landscape by its own Area, with one black bar.
        docXml = docXml.replace("</ofd:Pages>", "<ofd:Page ID=\"900\" BaseLoc=\"Pages/Page_1/Content.xml\"/></ofd:Pages>");
        m.put("Doc_0/Document.xml", docXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        m.put("Doc_0/Pages/Page_1/Content.xml", ("<ofd:Page " + Fixtures.NS + "><ofd:Area><ofd:PhysicalBox>0 0 210 148</ofd:PhysicalBox>"
                + "</ofd:Area><ofd:Content><ofd:Layer ID=\"901\"><ofd:PathObject ID=\"902\" Boundary=\"10 10 50 5\" Fill=\"true\">"
                + "<ofd:AbbreviatedData>M 0 0 L 50 0 L 50 5 L 0 5 C</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content>"
                + "</ofd:Page>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        OfdArchive two = OfdArchive.read(Fixtures.zip(m));
        assertEquals(2, R.pageCount(two));
        assertEquals(148, R.pageSize(two, 1).heightMm(), 1e-9);
        BufferedImage p2 = R.render(two, 1, RenderOptions.defaults().withDpi(DPI));
        assertEquals(px(148), p2.getHeight());
        assertTrue(dark(p2.getRGB(px(30), px(12))));
        assertEquals(0, count(p2, new double[] {0, 0, 210, 148}, OfdRendererTest::red), "page 1's seal is not on page 2");
        assertTrue(sameImage(plain, R.render(two, 0, RenderOptions.defaults().withDpi(DPI))), "page 1 unchanged");
    }
}
