package org.zizhu.print;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.print.receipt.Receipt;
import org.zizhu.print.receipt.ReceiptLayout;
import org.zizhu.print.receipt.ReceiptLine;

class ReceiptLayoutTest {
    @Test
    void everyLineFitsBothPaperWidths() {
        PrintTemplates t = PrintTemplates.builtIn();
        for (ReceiptPaper paper : ReceiptPaper.values()) {
            for (TemplateData d : SampleDocuments.all()) {
                Receipt r = ReceiptLayout.layout(t.fill(d), paper);
                for (ReceiptLine l : r.lines()) {
                    if (l instanceof ReceiptLine.Text tl) {
                        int cols = ReceiptLayout.columns(tl.text()) * (tl.large() ? 2 : 1);
                        assertTrue(cols <= paper.columns(), paper + " " + d.templateName() + ": " + tl.text());
                    } else if (l instanceof ReceiptLine.Image im) {
                        assertTrue(im.image().getWidth() <= paper.dots());
                    }
                }
            }
        }
    }

    @Test
    void licenseCopyReceiptEndsWithWatermarkAndMasksId() {
        Receipt r = ReceiptLayout.layout(PrintTemplates.builtIn().fill(SampleDocuments.licenseCopy()), ReceiptPaper.MM80);
        String text = r.text().replace("\n", "");
        assertTrue(text.contains("此件由某某市大数据管理局提供，仅供办理政务服务事项时使用"), text);
        assertTrue(text.contains("1101**********002X") && !text.contains(SampleDocuments.SAMPLE_ID));
    }
}
