package org.zizhu.kiosk.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.zizhu.print.Block;
import org.zizhu.print.PrintDocument;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.TemplateData;
import org.zizhu.print.a4.A4PdfRenderer;
import org.zizhu.print.receipt.ReceiptLayout;
import org.zizhu.print.receipt.ReceiptLine;
import org.zizhu.device.printer.escpos.ReceiptPaper;

/**
 * Bilingual print-outs (ui.bilingualMongolian): each built-in title with a Mongolian text gets it
 * drawn above the Chinese, shaped by HarfBuzz, at the title's height, on A4 and on the receipt.
 */
class BilingualTitlesTest {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf");
    /** The templates whose title has an mn: text (the queue ticket's title is its number, the license copy's its name). */
    static final List<String> BILINGUAL = List.of("acceptance-receipt", "commitment-letter", "item-guide",
            "notification-commitment", "test-page");

    private final MongolianTitleDrawer drawer = MongolianTitleDrawer.open(FONT)
            .orElseThrow(() -> new AssertionError("Noto Sans Mongolian or HarfBuzz missing: install fonts-noto-core and libharfbuzz0b"));

    @Test
    void everyBilingualTitleHasItsMongolianDrawnAboveIt() {
        PrintTemplates plain = PrintTemplates.builtIn();
        PrintTemplates bilingual = PrintTemplates.builtIn().withMongolianTitles(drawer);
        int seen = 0;
        for (TemplateData d : SampleDocuments.all()) {
            PrintDocument doc = bilingual.fill(d);
            int title = indexOfTitle(doc);
            boolean expected = BILINGUAL.contains(d.templateName());
            if (!expected) {
                assertEquals(plain.fill(d).entries().size(), doc.entries().size(), d.templateName());
                continue;
            }
            seen++;
            assertTrue(title > 0, d.templateName() + ": a block before the title");
            Block before = doc.entries().get(title - 1).block();
            assertTrue(before instanceof Block.Image i && "title.mn".equals(i.origin()), d.templateName() + ": " + before);
            Block.Image img = (Block.Image) before;
            assertEquals(9, img.heightMm(), "the Chinese title's height");
            assertTrue(img.widthMm() > img.heightMm(), "one horizontal line");
            assertTrue(dark(img.image()) > 200, "ink on the line");
            assertEquals(plain.fill(d).entries().size() + 1, doc.entries().size());
        }
        assertEquals(BILINGUAL.size(), seen, "every bilingual template has a sample");
    }

    @Test
    void theA4PageAndTheReceiptCarryTheDrawnTitle() throws Exception {
        TemplateData receiptData = SampleDocuments.all().stream().filter(d -> d.templateName().equals("acceptance-receipt")).findFirst().orElseThrow();
        PrintDocument plain = PrintTemplates.builtIn().fill(receiptData);
        PrintDocument both = PrintTemplates.builtIn().withMongolianTitles(drawer).fill(receiptData);
        A4PdfRenderer a4 = new A4PdfRenderer();
        assertEquals(images(a4.render(plain)) + 1, images(a4.render(both)), "one more image on the page: the Mongolian title");

        List<ReceiptLine> plainLines = ReceiptLayout.layout(plain, ReceiptPaper.MM80).lines();
        List<ReceiptLine> lines = ReceiptLayout.layout(both, ReceiptPaper.MM80).lines();
        assertEquals(plainLines.stream().filter(l -> l instanceof ReceiptLine.Image).count() + 1,
                lines.stream().filter(l -> l instanceof ReceiptLine.Image).count());
        assertNotEquals(plainLines, lines);
    }

    @Test
    void theDrawingIsShapedTextOnWhite() {
        BufferedImage img = drawer.draw("ᠮᠣᠩᠭᠣᠯ");
        assertEquals(0xFFFFFF, img.getRGB(0, 0) & 0xFFFFFF, "white, not transparent: a transparent pixel would become a dot");
        assertTrue(img.getWidth() > img.getHeight());
        assertFalse(dark(img) == 0);
    }

    private static int indexOfTitle(PrintDocument doc) {
        for (int i = 0; i < doc.entries().size(); i++) {
            if (doc.entries().get(i).block() instanceof Block.Title) {
                return i;
            }
        }
        return -1;
    }

    private static int dark(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 300) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int images(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int n = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        n++;
                    }
                }
            }
            return n;
        }
    }
}
