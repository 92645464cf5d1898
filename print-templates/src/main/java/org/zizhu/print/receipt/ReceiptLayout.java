package org.zizhu.print.receipt;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.print.Align;
import org.zizhu.print.Block;
import org.zizhu.print.Output;
import org.zizhu.print.PrintDocument;

/**
 * Lays a {@link PrintDocument} out for a receipt: wraps text to the paper's character columns
 * (CJK characters are two columns wide, as on the printer), turns fields into
 * "label：value" lines, keeps QR codes for the printer to draw and scales images to fit.
 */
public final class ReceiptLayout {
    private static final int DOTS_PER_MM = 8;

    private ReceiptLayout() {
    }

    public static Receipt layout(PrintDocument doc, ReceiptPaper paper) {
        List<ReceiptLine> out = new ArrayList<>();
        int cols = paper.columns();
        for (Block b : doc.blocks(Output.RECEIPT)) {
            switch (b) {
                case Block.Title t -> {
                    for (String l : wrap(t.text(), cols / 2)) {
                        out.add(new ReceiptLine.Text(l, Align.CENTER, true, true));
                    }
                    out.add(new ReceiptLine.Feed(1));
                }
                case Block.Heading h -> {
                    for (String l : wrap(h.text(), cols)) {
                        out.add(new ReceiptLine.Text(l, Align.LEFT, true, false));
                    }
                }
                case Block.Text t -> {
                    boolean large = t.size() == Block.Size.LARGE;
                    for (String l : wrap(t.text(), large ? cols / 2 : cols)) {
                        out.add(new ReceiptLine.Text(l, t.align(), t.bold(), large));
                    }
                }
                case Block.Field f -> {
                    for (String l : wrap(f.label() + "：" + f.value(), cols)) {
                        out.add(new ReceiptLine.Text(l, Align.LEFT, false, false));
                    }
                }
                case Block.Rule r -> out.add(new ReceiptLine.Text("-".repeat(cols), Align.LEFT, false, false));
                case Block.Spacer s -> out.add(new ReceiptLine.Feed(1));
                case Block.Qr q -> {
                    out.add(new ReceiptLine.Qr(q.content()));
                    for (String l : wrap(q.caption(), cols)) {
                        if (!l.isEmpty()) {
                            out.add(new ReceiptLine.Text(l, Align.CENTER, false, false));
                        }
                    }
                }
                case Block.Image i -> {
                    // 8 dots per mm on 203 dpi receipt printers; never wider than the paper.
                    double[] size = i.fit(Math.min(paper.dots(), i.widthMm() * DOTS_PER_MM), i.heightMm() * DOTS_PER_MM);
                    out.add(new ReceiptLine.Image(scale(i.image(), (int) Math.round(size[0]), (int) Math.round(size[1])),
                            i.stamp() ? Align.CENTER : i.align()));
                }
            }
        }
        if (!doc.watermark().isEmpty()) {
            for (String l : wrap(doc.watermark(), cols)) {
                out.add(new ReceiptLine.Text(l, Align.CENTER, false, false));
            }
        }
        out.add(new ReceiptLine.Feed(3));
        return new Receipt(doc.templateName(), paper, out);
    }

    /** Display columns of a code point on the printer: ASCII one, everything else two. */
    public static int columns(int cp) {
        return cp < 0x80 ? 1 : 2;
    }

    public static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += columns(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    static List<String> wrap(String text, int cols) {
        List<String> lines = new ArrayList<>();
        for (String para : text.replace("\t", " ").replace("\r", "").split("\n", -1)) {
            StringBuilder cur = new StringBuilder();
            int w = 0;
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                i += Character.charCount(cp);
                int cw = columns(cp);
                if (w + cw > cols) {
                    lines.add(cur.toString());
                    cur.setLength(0);
                    w = 0;
                    if (cp == ' ') {
                        continue;
                    }
                }
                cur.appendCodePoint(cp);
                w += cw;
            }
            lines.add(cur.toString());
        }
        return lines;
    }

    private static BufferedImage scale(BufferedImage src, int width, int height) {
        int w = Math.max(8, width);
        int h = Math.max(1, height);
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }
}
