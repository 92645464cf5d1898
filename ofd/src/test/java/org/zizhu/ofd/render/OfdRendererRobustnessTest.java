package org.zizhu.ofd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zizhu.ofd.OfdArchive;
import org.zizhu.ofd.OfdException;

/** Hostile and broken documents end in OfdException MALFORMED, never in another exception, OOM or a hang. */
class OfdRendererRobustnessTest {
    private static final OfdRenderer R = new OfdRenderer();
    private static final RenderOptions LOW = RenderOptions.defaults().withDpi(72f);
    private static final String CONTENT = "Doc_0/Pages/Page_0/Content.xml";
    private static final String TEXT = "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"4\">"
            + "<ofd:TextCode X=\"1\" Y=\"6\" DeltaX=\"g 3 3\">紫竹示范</ofd:TextCode></ofd:TextObject>";

    @TempDir
    static Path dir;
    static byte[] sealed;

    @BeforeAll
    static void make() throws Exception {
        sealed = Fixtures.seal(dir, Fixtures.licence(dir, Fixtures.ID_LINE, true));
    }

    static OfdException malformed(byte[] pkg) {
        OfdException e = assertThrows(OfdException.class, () -> R.render(OfdArchive.read(pkg), 0, LOW));
        assertEquals(OfdException.Reason.MALFORMED, e.reason(), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\"",                                    // broken XML
        "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"99\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"5\">a</ofd:TextCode></ofd:TextObject>",
        "<ofd:TextObject ID=\"20\" Boundary=\"NaN 20 80 10\" Font=\"1\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"5\">a</ofd:TextCode></ofd:TextObject>",
        "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"1e30\"><ofd:TextCode X=\"0\" Y=\"5\">a</ofd:TextCode></ofd:TextObject>",
        "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"-4\"><ofd:TextCode X=\"0\" Y=\"5\">a</ofd:TextCode></ofd:TextObject>",
        "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"4\"><ofd:TextCode X=\"Infinity\" Y=\"5\">a</ofd:TextCode></ofd:TextObject>",
        "<ofd:TextObject ID=\"20\" Boundary=\"20 20 80 10\" Font=\"1\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"5\" DeltaX=\"g x 1\">ab</ofd:TextCode></ofd:TextObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 -5 5\"><ofd:AbbreviatedData>M 0 0 L 1 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 5\"><ofd:AbbreviatedData>M 0 0 L 1 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 5 5\" CTM=\"1e30 0 0 1 0 0\"><ofd:AbbreviatedData>M 0 0 L 1 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 5 5\"><ofd:AbbreviatedData>M 0 0 L 1e30 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 5 5\"><ofd:AbbreviatedData>M 0 0 X 1 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 5 5\"><ofd:AbbreviatedData>M 0 0 B 1 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 5 5\" LineWidth=\"-1\"><ofd:AbbreviatedData>M 0 0 L 1 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:PathObject ID=\"20\" Boundary=\"10 10 5 5\"><ofd:StrokeColor Value=\"1 2\"/><ofd:AbbreviatedData>M 0 0 L 1 1</ofd:AbbreviatedData></ofd:PathObject>",
        "<ofd:ImageObject ID=\"20\" ResourceID=\"99\" Boundary=\"10 10 5 5\"/>",
        "<ofd:ImageObject ID=\"20\" ResourceID=\"2\" Boundary=\"10 10 5 5\" CTM=\"5 0 0 NaN 0 0\"/>",
    })
    void brokenContentIsMalformed(String layer) throws Exception {
        malformed(Fixtures.mini(layer));
    }

    @Test
    void missingResourcesAreMalformed() throws Exception {
        Map<String, byte[]> m = Fixtures.unzip(Fixtures.mini("<ofd:ImageObject ID=\"20\" ResourceID=\"2\" Boundary=\"10 10 5 5\"/>"));
        m.remove("Doc_0/Res/red.png");
        malformed(Fixtures.zip(m));
        Map<String, byte[]> noPage = Fixtures.unzip(Fixtures.mini(TEXT));
        noPage.remove(CONTENT);
        malformed(Fixtures.zip(noPage));
        Map<String, byte[]> noRes = Fixtures.unzip(Fixtures.mini(TEXT));
        noRes.remove("Doc_0/PublicRes.xml");
        malformed(Fixtures.zip(noRes));
        Map<String, byte[]> noRoot = Fixtures.unzip(Fixtures.mini(TEXT));
        noRoot.put("OFD.xml", ("<ofd:OFD " + Fixtures.NS + "><ofd:DocBody/></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
        OfdArchive a = OfdArchive.read(Fixtures.zip(noRoot));
        assertEquals(OfdException.Reason.MALFORMED, assertThrows(OfdException.class, () -> R.pageCount(a)).reason());
        // A sealed document whose seal file is garbage cannot show its seal: refused, not printed without it.
        Map<String, byte[]> badSeal = Fixtures.unzip(sealed);
        badSeal.put("Doc_0/Signs/Sign_0/Seal.esl", new byte[] {0x30, 0x03, 1, 2, 3});
        malformed(Fixtures.zip(badSeal));
        Map<String, byte[]> noSeal = Fixtures.unzip(sealed);
        noSeal.remove("Doc_0/Signs/Sign_0/Seal.esl");
        malformed(Fixtures.zip(noSeal));
    }

    @Test
    void pageAreaBounds() throws Exception {
        for (String box : new String[] {"0 0 9000 9000", "0 0 -210 297", "0 0 0 297", "0 0 NaN 297", "0 0 1e30 1"}) {
            Map<String, byte[]> m = Fixtures.unzip(Fixtures.mini(TEXT));
            String d = new String(m.get("Doc_0/Document.xml"), StandardCharsets.UTF_8).replace("0 0 210 297", box);
            m.put("Doc_0/Document.xml", d.getBytes(StandardCharsets.UTF_8));
            byte[] pkg = Fixtures.zip(m);
            OfdException e = assertThrows(OfdException.class, () -> R.render(OfdArchive.read(pkg), 0, RenderOptions.defaults()), box);
            assertEquals(OfdException.Reason.MALFORMED, e.reason());
        }
    }

    @Test
    void dpiOutsideTheRangeIsRefused() throws Exception {
        OfdArchive a = OfdArchive.read(Fixtures.mini(TEXT));
        for (float dpi : new float[] {10f, 71.9f, 600.1f, 5000f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertEquals(OfdException.Reason.MALFORMED,
                    assertThrows(OfdException.class, () -> R.render(a, 0, dpi, LOW)).reason(), "dpi " + dpi);
        }
        assertNotNull(R.render(a, 0, 72f, LOW));
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        // Past our PageBlock limit, and past the XML parser's element depth limit.
        for (int depth : new int[] {OfdRenderer.MAX_BLOCK_DEPTH + 1, 5_000}) {
            String layer = "<ofd:PageBlock ID=\"1\">".repeat(depth) + TEXT + "</ofd:PageBlock>".repeat(depth);
            malformed(Fixtures.mini(layer));
        }
        String ok = "<ofd:PageBlock ID=\"1\">".repeat(OfdRenderer.MAX_BLOCK_DEPTH - 1) + TEXT
                + "</ofd:PageBlock>".repeat(OfdRenderer.MAX_BLOCK_DEPTH - 1);
        assertNotNull(R.render(OfdArchive.read(Fixtures.mini(ok)), 0, LOW));
    }

    @Test
    void tooManyObjectsOrTooMuchPaintIsRefused() throws Exception {
        malformed(Fixtures.mini("<ofd:PageBlock ID=\"1\"/>".repeat(OfdRenderer.MAX_OBJECTS_PER_PAGE + 1)));
        // Within the object cap, but thousands of page-sized fills: the painted-area budget stops it quickly.
        String fill = "<ofd:PathObject ID=\"20\" Boundary=\"0 0 210 297\" Fill=\"true\"><ofd:AbbreviatedData>"
                + "M 0 0 L 210 0 L 210 297 L 0 297 C</ofd:AbbreviatedData></ofd:PathObject>";
        assertTrue(malformed(Fixtures.mini(fill.repeat(5_000))).getMessage().contains("painted area"));
        assertNotNull(R.render(OfdArchive.read(Fixtures.mini(fill.repeat(10))), 0, LOW));
    }

    @Test
    void hugeRepeatCountsExpandOnlyAsFarAsTheText() throws Exception {
        String t = TEXT.replace("g 3 3", "g 1000000000 3");
        BufferedImage img = R.render(OfdArchive.read(Fixtures.mini(t)), 0, LOW);
        assertEquals(595, img.getWidth());
    }

    @Test
    void doctypeAndEntitiesAreRefused() throws Exception {
        String page = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<ofd:Page " + Fixtures.NS + "><ofd:Content><ofd:Layer ID=\"1\">" + TEXT.replace("紫竹示范", "&b;")
                + "</ofd:Layer></ofd:Content></ofd:Page>";
        malformed(Fixtures.miniPage(page));
        String external = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ofd:Page " + Fixtures.NS + "><ofd:Content><ofd:Layer ID=\"1\">" + TEXT.replace("紫竹示范", "&x;")
                + "</ofd:Layer></ofd:Content></ofd:Page>";
        malformed(Fixtures.miniPage(external));
    }

    /** A valid PNG header that declares 100 000 × 100 000 pixels and carries no pixel data. */
    static byte[] hugePng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    @Test
    void hugeDeclaredImageIsRefusedBeforeDecoding() throws Exception {
        Map<String, byte[]> m = Fixtures.unzip(Fixtures.mini("<ofd:ImageObject ID=\"20\" ResourceID=\"2\" Boundary=\"10 10 5 5\"/>"));
        m.put("Doc_0/Res/red.png", hugePng());
        malformed(Fixtures.zip(m));
        m.put("Doc_0/Res/red.png", "not an image".getBytes(StandardCharsets.US_ASCII));
        malformed(Fixtures.zip(m));
    }

    static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    @Test
    void imagesAreDecodedOncePerRenderAndWithinAPixelBudget() throws Exception {
        // 2 000 tiny objects naming one 4 Mpx image: decoded once, so this renders (and promptly).
        String one = "<ofd:ImageObject ID=\"20\" ResourceID=\"2\" Boundary=\"10 10 1 1\" CTM=\"1 0 0 1 0 0\"/>";
        Map<String, byte[]> m = Fixtures.unzip(Fixtures.mini(one.repeat(2_000)));
        m.put("Doc_0/Res/red.png", png(2_000, 2_000));
        assertNotNull(R.render(OfdArchive.read(Fixtures.zip(m)), 0, LOW));
        // Ten distinct 4 Mpx images (each within the per-image bound) exceed the per-page budget.
        StringBuilder res = new StringBuilder("<ofd:Res " + Fixtures.NS + " BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"x\"/>"
                + "</ofd:Fonts><ofd:MultiMedias>");
        StringBuilder layer = new StringBuilder();
        Map<String, byte[]> many = Fixtures.unzip(Fixtures.mini(""));
        for (int i = 0; i < 10; i++) {
            res.append("<ofd:MultiMedia ID=\"").append(100 + i).append("\" Type=\"Image\"><ofd:MediaFile>i").append(i)
                    .append(".png</ofd:MediaFile></ofd:MultiMedia>");
            layer.append("<ofd:ImageObject ID=\"").append(200 + i).append("\" ResourceID=\"").append(100 + i)
                    .append("\" Boundary=\"10 10 1 1\"/>");
            many.put("Doc_0/Res/i" + i + ".png", png(2_000 + i, 2_000));
        }
        many.put("Doc_0/PublicRes.xml", (res + "</ofd:MultiMedias></ofd:Res>").getBytes(StandardCharsets.UTF_8));
        many.put(CONTENT, ("<ofd:Page " + Fixtures.NS + "><ofd:Content><ofd:Layer ID=\"10\">" + layer
                + "</ofd:Layer></ofd:Content></ofd:Page>").getBytes(StandardCharsets.UTF_8));
        assertTrue(malformed(Fixtures.zip(many)).getMessage().contains("images on a page"));
    }

    /** Content.xml of a rich page: text in two codes, paths with every operator, an image, nested blocks. */
    static String richContent() {
        return "<ofd:Page " + Fixtures.NS + "><ofd:Content><ofd:Layer ID=\"10\">"
                + "<ofd:PageBlock ID=\"11\">" + TEXT
                + "<ofd:TextObject ID=\"21\" Boundary=\"20 40 80 10\" Font=\"1\" Size=\"4\" CTM=\"1 0 0.2 1 0 0\">"
                + "<ofd:FillColor Value=\"200 0 0\" Alpha=\"128\"/><ofd:TextCode X=\"1\" Y=\"6\" DeltaX=\"3 3\">110</ofd:TextCode>"
                + "<ofd:TextCode X=\"12\" Y=\"6\" DeltaY=\"1\">1X</ofd:TextCode></ofd:TextObject></ofd:PageBlock>"
                + "<ofd:PathObject ID=\"22\" Boundary=\"100 50 40 40\" LineWidth=\"1\" Fill=\"true\" Rule=\"Even-Odd\" Cap=\"Round\" Join=\"Bevel\">"
                + "<ofd:StrokeColor Value=\"0 0 255\"/><ofd:FillColor Value=\"#10 #20 #30\"/>"
                + "<ofd:AbbreviatedData>S 1 1 L 5 5 Q 6 6 7 9 B 5 1 10 5 10 10 A 5 5 30 0 1 20 20 Z M 0 0 C</ofd:AbbreviatedData></ofd:PathObject>"
                + "<ofd:ImageObject ID=\"23\" ResourceID=\"2\" Boundary=\"30 30 20 10\" CTM=\"20 0 0 10 0 0\"/>"
                + "</ofd:Layer></ofd:Content></ofd:Page>";
    }

    private static final String[] JUNK = {
        "NaN", "-1", "1e30", "1e308", "-0", "99999999", "g", "", " ", "<", ">", "\"", "/", "&", "&amp;", "g 1e9 1", "0", "-1e5",
        "</ofd:Layer>", "<ofd:PageBlock>", "Infinity", "#ZZ", "1 2 3 4 5 6 7", "\u0000", "\uD800", "A", "C", "M"
    };

    /** Values for number swaps: XML stays well-formed, so these reach the renderer's own checks. */
    private static final String[] NUMBERS = {
        "NaN", "-1", "1e30", "1e308", "-0", "99999999", "0", "-1e5", "Infinity", "1e-300", "0.0001", "5000", "9999",
        "g 1e9 1", "1 2 3 4 5 6 7", "#ZZ", "", "0x10", "3", "250", "1000"
    };

    @Test
    void fuzzedContentEndsInAnImageOrMalformed() throws Exception {
        Random rnd = new Random(13);
        String[] bases = {richContent(), Fixtures.entry(sealed, CONTENT)};
        Map<String, byte[]> sealedEntries = Fixtures.unzip(sealed);
        int images = 0;
        int refused = 0;
        for (int i = 0; i < 600; i++) {
            boolean useSealed = i % 3 == 2;
            String s = bases[useSealed ? 1 : 0];
            int edits = 1 + rnd.nextInt(2);
            for (int k = 0; k < edits && !s.isEmpty(); k++) {
                int at = rnd.nextInt(s.length());
                int len = 1 + rnd.nextInt(Math.min(12, s.length() - at));
                s = switch (rnd.nextInt(6)) {
                    case 0 -> s.substring(0, at) + s.substring(at + len);                               // delete
                    case 1 -> s.substring(0, at) + s.substring(at, at + len).repeat(2 + rnd.nextInt(3)) + s.substring(at + len);
                    case 2 -> s.substring(0, at) + JUNK[rnd.nextInt(JUNK.length)] + s.substring(at + len);
                    default -> {                                                                       // swap a number
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(s);
                        yield m.find(at) ? s.substring(0, m.start()) + NUMBERS[rnd.nextInt(NUMBERS.length)] + s.substring(m.end()) : s;
                    }
                };
            }
            byte[] pkg;
            if (useSealed) {
                sealedEntries.put(CONTENT, s.getBytes(StandardCharsets.UTF_8));
                pkg = Fixtures.zip(sealedEntries);
            } else {
                pkg = Fixtures.miniPage(s);
            }
            try {
                BufferedImage img = R.render(OfdArchive.read(pkg), 0, LOW.withTextFilter(t -> t.replace('1', '*')));
                assertNotNull(img);
                images++;
            } catch (OfdException e) {
                assertEquals(OfdException.Reason.MALFORMED, e.reason());
                refused++;
            } catch (Throwable t) {
                fail("mutation " + i + " escaped with " + t + "\n" + s, t);
            }
        }
        assertTrue(images > 30 && refused > 30, "both outcomes exercised: " + images + " images, " + refused + " refused");
    }
}
