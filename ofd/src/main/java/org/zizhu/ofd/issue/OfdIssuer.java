package org.zizhu.ofd.issue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.edit.Attachment;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.TextAlign;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.NumberFormatAtomicSignID;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.SESV4Container;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.zizhu.ofd.VerifiedOfd;

/**
 * Makes a sealed one-page A4 OFD (GB/T 33190) from a {@link DocumentSpec}: text laid out by
 * ofdrw-layout in an embedded subset of a CJK font, the structured data as an OFD attachment,
 * and the issuing body's GB/T 38540 seal over the whole package (SignMode.WholeProtected, so
 * nothing can be added or changed afterwards, not even another signature).
 *
 * <p>Centre side only. ofdrw reads and writes through files, so each call works in a private
 * (0700) temporary directory, deleted before returning: acceptable at the centre, which holds
 * the data anyway; the kiosk's verifier never touches disk.
 */
public final class OfdIssuer {
    /** WenQuanYi Zen Hei (Debian fonts-wqy-zenhei): TrueType outlines, which fontbox can subset. */
    public static final Path DEFAULT_CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final String FONT_FACE = "WenQuanYiZenHei";
    static final String FONT_NAME = "WenQuanYi Zen Hei";
    static final String DATA_FILE = VerifiedOfd.DATA_ATTACHMENT + ".json";

    // Page geometry in millimetres (A4 210 x 297). The seal sits over the issuer line, bottom right.
    private static final double PAGE_W = 210;
    private static final double MARGIN = 25;
    private static final double ISSUER_Y = 222;
    /** The issuer block: right half, wide enough for an 18-character body name on one line. */
    private static final double ISSUER_X = 100;
    private static final double ISSUER_W = PAGE_W - MARGIN - ISSUER_X;
    /** The verification address line; the kiosk's QR code goes above it, left of the issuer block. */
    static final double VERIFY_Y = 262;
    private static final double GAP = 2;
    static final double STAMP_X = 128;
    static final double STAMP_Y = 206;

    private final Path fontFile;
    private final Path workParent;

    /** An issuer with WenQuanYi Zen Hei, working in the system temporary directory. */
    public OfdIssuer() {
        this(DEFAULT_CJK_FONT, null);
    }

    /**
     * @param cjkTrueTypeFont a TrueType collection holding the face {@value #FONT_FACE}
     * @param workParent where the per-call private work directory is made (a tmpfs, say); null
     *     for the system temporary directory
     */
    public OfdIssuer(Path cjkTrueTypeFont, Path workParent) {
        this.fontFile = Objects.requireNonNull(cjkTrueTypeFont);
        this.workParent = workParent;
    }

    /** The sealed OFD package's bytes. */
    public byte[] issue(DocumentSpec spec, IssuingBody body) throws IOException {
        var owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Path dir = workParent == null ? Files.createTempDirectory("zizhu-ofd-issue-", owner)
                : Files.createTempDirectory(workParent, "zizhu-ofd-issue-", owner);
        try {
            Path font = dir.resolve("font.ttf");
            subsetFont(text(spec), font);
            Path data = dir.resolve(DATA_FILE);
            Files.write(data, spec.structuredData());
            Path plain = dir.resolve("plain.ofd");
            layout(spec, new Font(FONT_NAME, FONT_NAME, font), data, plain);
            Path sealed = dir.resolve("sealed.ofd");
            seal(plain, sealed, body);
            return Files.readAllBytes(sealed);
        } catch (RuntimeException e) {
            // ofdrw reports most failures unchecked; the centre's caller handles IOException.
            throw new IOException("cannot issue " + spec.title() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /** Every character the page shows; the subset holds those plus printable ASCII. */
    private static String text(DocumentSpec spec) {
        StringBuilder sb = new StringBuilder(spec.title()).append(spec.issuerName()).append(spec.documentId())
                .append(spec.verificationUrl()).append(LABEL_ID).append(LABEL_DATE).append(LABEL_ISSUER)
                .append(LABEL_VERIFY).append(dateZh(spec.issueDate()));
        for (DocumentSpec.Line l : spec.lines()) {
            sb.append(l.label()).append(l.value());
        }
        return sb.toString();
    }

    private static final String LABEL_ID = "证照编号：";
    private static final String LABEL_DATE = "发证日期：";
    private static final String LABEL_ISSUER = "发证机关：";
    private static final String LABEL_VERIFY = "核验地址：";

    /**
     * Subsetting matters: the whole WenQuanYi TTC is 16.8 MB, which every document would carry
     * and the kiosk would have to hash (about 200 ms of SM3) on each verification.
     */
    private void subsetFont(String text, Path out) throws IOException {
        TreeSet<Integer> cps = new TreeSet<>();
        text.codePoints().forEach(cps::add);
        for (int c = 0x20; c < 0x7f; c++) {
            cps.add(c);
        }
        cps.add((int) '\u3000');
        try (TrueTypeCollection ttc = new TrueTypeCollection(fontFile.toFile())) {
            TrueTypeFont ttf = ttc.getFontByName(FONT_FACE);
            if (ttf == null) {
                throw new IOException("no face " + FONT_FACE + " in " + fontFile);
            }
            TTFSubsetter sub = new TTFSubsetter(ttf);
            cps.forEach(sub::add);
            try (OutputStream o = Files.newOutputStream(out)) {
                sub.writeToStream(o);
            }
        }
    }

    private void layout(DocumentSpec spec, Font font, Path data, Path out) throws IOException {
        try (OFDDoc doc = new OFDDoc(out)) {
            PageLayout a4 = PageLayout.A4();
            doc.setDefaultPageLayout(a4);
            // One fixed page with absolutely placed blocks: the seal must land on the issuer line,
            // which a flowing layout would move with the length of the content.
            VirtualPage page = new VirtualPage(a4);
            double width = PAGE_W - 2 * MARGIN;
            // Every block below the title goes where the one above it ended, measured by ofdrw's
            // own line breaker (doPrepare), so a long title, value or issuer name that wraps onto
            // three lines pushes what follows down instead of printing over it.
            Paragraph title = absolute(new Paragraph(spec.title(), 8d, font), MARGIN, 32, width).setTextAlign(TextAlign.center);
            page.add(title);
            double y = Math.max(58, 32 + height(title, width) + GAP);
            for (DocumentSpec.Line l : spec.lines()) {
                Paragraph p = absolute(new Paragraph(l.label() + "：" + l.value(), 4.6d, font), MARGIN, y, width);
                page.add(p);
                y += Math.max(9, height(p, width) + GAP);
            }
            double idY = Math.max(y + 4, 170);
            Paragraph id = absolute(new Paragraph(LABEL_ID + spec.documentId(), 4d, font), MARGIN, idY, width);
            page.add(id);
            double contentEnd = idY + height(id, width);
            if (contentEnd > STAMP_Y - GAP) {
                // The seal's place is fixed; content running into it would be printed under the
                // seal. Refuse rather than issue an unreadable document.
                throw new IOException("content too long for one page: ends at " + Math.round(contentEnd) + " mm, the seal starts at " + STAMP_Y + " mm");
            }
            Paragraph issuer = absolute(new Paragraph(LABEL_ISSUER + spec.issuerName(), 4.6d, font), ISSUER_X, ISSUER_Y, ISSUER_W);
            page.add(issuer);
            page.add(absolute(new Paragraph(LABEL_DATE + dateZh(spec.issueDate()), 4.6d, font), ISSUER_X,
                    ISSUER_Y + Math.max(9, height(issuer, ISSUER_W) + GAP), ISSUER_W));
            page.add(absolute(new Paragraph(LABEL_VERIFY + spec.verificationUrl(), 3.4d, font), MARGIN, VERIFY_Y, width));
            doc.addVPage(page);
            Attachment a = new Attachment(VerifiedOfd.DATA_ATTACHMENT, data)
                    .setFormat("json")
                    .setUsage("structured-data");
            doc.addAttachment(a);
        }
    }

    /** The height ofdrw will give the paragraph at this width, lines wrapped as it wraps them. */
    private static double height(Paragraph p, double width) {
        return p.doPrepare(width).getHeight();
    }

    private static Paragraph absolute(Paragraph p, double x, double y, double width) {
        p.setPosition(Position.Absolute);
        p.setXY(x, y);
        p.setWidth(width);
        return p;
    }

    private static String dateZh(LocalDate d) {
        return d.getYear() + "年" + String.format("%02d", d.getMonthValue()) + "月" + String.format("%02d", d.getDayOfMonth()) + "日";
    }

    private static void seal(Path plain, Path out, IssuingBody body) throws IOException {
        try (OFDReader reader = new OFDReader(plain);
             OFDSigner signer = new OFDSigner(reader, out, new NumberFormatAtomicSignID())) {
            // WholeProtected: the signature also covers Signatures.xml, so a second seal (or any
            // file) cannot be added later without breaking this one.
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(new SESV4Container(body.key(), body.seal(), body.certificate()));
            signer.addApPos(new NormalStampPos(1, STAMP_X, STAMP_Y, SealPicture.MILLIMETRES, SealPicture.MILLIMETRES));
            signer.exeSign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("sealing failed", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Nothing sensible to do but say so; the directory is 0700 in the temp area.
            System.getLogger(OfdIssuer.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete issuing temp dir " + dir + ": " + e);
        }
    }
}
