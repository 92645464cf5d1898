package org.zizhu.print.receipt;

import java.util.List;
import org.zizhu.device.printer.escpos.ReceiptPaper;

/** A document laid out for a receipt printer of the given paper width; ends with a cut. */
public record Receipt(String templateName, ReceiptPaper paper, List<ReceiptLine> lines) {
    public Receipt {
        lines = List.copyOf(lines);
    }

    /** All text lines joined by newlines (for logs of non-personal documents and tests). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ReceiptLine l : lines) {
            if (l instanceof ReceiptLine.Text t) {
                sb.append(t.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
