package org.zizhu.ofd.issue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SESeal;
import org.zizhu.ofd.Fixtures;
import org.zizhu.ofd.GmCrypto;
import org.zizhu.ofd.SealedOfdVerifier;
import org.zizhu.ofd.VerifiedOfd;

class IssuingTest {
    private static String rdn(X509Certificate c, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        X500Name n = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        return IETFUtils.valueToString(n.getRDNs(type)[0].getFirst().getValue());
    }

    @Test
    void theRootIsASelfSignedSm2CaKeptOwnerOnly(@TempDir Path dir) throws Exception {
        SealAuthority ca = SealAuthority.loadOrCreate(dir);
        X509Certificate root = ca.certificate();
        assertEquals(SealAuthority.ROOT_NAME, rdn(root, BCStyle.CN));
        assertEquals(GmCrypto.SM2_WITH_SM3_OID, root.getSigAlgOID());
        root.verify(root.getPublicKey(), GmCrypto.BC);
        assertTrue(root.getBasicConstraints() >= 0, "a CA certificate");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SealAuthority.KEY_FILE))));
        assertEquals(root, SealAuthority.loadOrCreate(dir).certificate(), "the kept root comes back");
    }

    @Test
    void aBodyHasACertificateFromTheRootAndASealNamingIt() throws Exception {
        Fixtures f = Fixtures.get();
        IssuingBody b = f.body;
        X509Certificate c = b.certificate();
        c.verify(f.ca.certificate().getPublicKey(), GmCrypto.BC);
        assertEquals(b.name(), rdn(c, BCStyle.CN));
        assertEquals(b.code(), rdn(c, BCStyle.SERIALNUMBER));
        assertEquals(-1, c.getBasicConstraints(), "not a CA");

        SESeal seal = SESeal.getInstance(b.sealEsl());
        assertEquals(SES_Header.V4, seal.geteSealInfo().getHeader().getVersion());
        assertEquals(b.name(), seal.geteSealInfo().getProperty().getName().getString());
        boolean listed = false;
        for (ASN1OctetString cert : seal.geteSealInfo().getProperty().getCertList().getCerts()) {
            listed |= java.util.Arrays.equals(cert.getOctets(), c.getEncoded());
        }
        assertTrue(listed, "the seal lists the body's certificate");
        assertArrayEquals(f.ca.certificate().getEncoded(), seal.getCert().getOctets(), "the root made the seal");
        Signature s = Signature.getInstance(GmCrypto.SM2_WITH_SM3, GmCrypto.BC);
        s.initVerify(f.ca.certificate());
        s.update(seal.geteSealInfo().getEncoded("DER"));
        assertTrue(s.verify(seal.getSignedValue().getOctets()));

        var pic = seal.geteSealInfo().getPicture();
        assertEquals("PNG", pic.getType().getString());
        assertEquals(40, pic.getWidth().intValueExact());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(pic.getData().getOctets()));
        assertNotNull(img);
        int red = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) > 128 && ((argb >> 16) & 0xff) > 180 && ((argb >> 8) & 0xff) < 80) {
                    red++;
                }
            }
        }
        assertTrue(red > 500, "a red seal is drawn: " + red + " red samples");
        assertFalse(b.toString().contains("PrivateKey") || b.toString().contains(b.key().toString()), "no key in toString");
    }

    @Test
    void bodiesKeptInAStateDirIssueDocumentsTheKioskAccepts(@TempDir Path dir) throws Exception {
        SealAuthority ca = SealAuthority.loadOrCreate(dir);
        IssuingBody made = ca.loadOrIssueBody(dir, "ZZMZJ", "紫竹市民政局", Duration.ofDays(365));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("body-ZZMZJ.key.pem"))));
        SealAuthority again = SealAuthority.loadOrCreate(dir);
        IssuingBody kept = again.loadOrIssueBody(dir, "ZZMZJ", "another name is ignored", Duration.ofDays(1));
        assertEquals(made.certificate(), kept.certificate());
        assertEquals("紫竹市民政局", kept.name());
        assertArrayEquals(made.sealEsl(), kept.sealEsl());

        Path work = Files.createDirectory(dir.resolve("work"));
        byte[] ofd = new OfdIssuer(OfdIssuer.DEFAULT_CJK_FONT, work).issue(Fixtures.spec(), kept);
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count(), "the issuer's work directory is gone");
        }
        VerifiedOfd v = SealedOfdVerifier.verify(ofd, again.trustList(List.of(kept)), Instant.now());
        assertEquals("ZZMZJ", v.bodyCode());
        assertArrayEquals(Fixtures.DATA_JSON.getBytes(StandardCharsets.UTF_8), v.structuredData().orElseThrow());
    }

    @Test
    void theIssuedPackageIsSmallWithASubsetFontAndTheStampOverTheIssuerLine() {
        Fixtures f = Fixtures.get();
        Map<String, byte[]> m = Fixtures.unzip(f.genuine);
        assertTrue(f.genuine.length < 400 * 1024, "package " + f.genuine.length + " bytes");
        byte[] font = m.get("Doc_0/Res/font.ttf");
        assertNotNull(font, "the font is embedded");
        assertTrue(font.length < 1024 * 1024, "subset font " + font.length + " bytes, not the 16.8 MB TTC");
        String sig = new String(m.get("Doc_0/Signs/Sign_0/Signature.xml"), StandardCharsets.UTF_8);
        assertTrue(sig.contains("Boundary=\"" + (int) OfdIssuer.STAMP_X + " " + (int) OfdIssuer.STAMP_Y + " 40 40\""), sig);
        String content = new String(m.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        assertTrue(content.contains("发证机关：紫竹市市场监督管理局"), "the issuer line is on the page");
        assertTrue(content.contains("https://central.zizhu.example/verify/ZZ-2026-000123"), "the verification address is on the page");
        assertNotEquals(-1, new String(m.get("Doc_0/Attachments.xml"), StandardCharsets.UTF_8).indexOf("Name=\"zizhu-data\""));
        assertFalse(Fixtures.spec().toString().contains("紫竹示范"), "no content in DocumentSpec.toString");
    }

    /**
     * The social-insurance certificate the centre issues: a title on two lines, a statement on
     * three, an 18-character issuer. Every line of text is a TextObject with its Boundary; none may
     * cross another (a wrapped value used to print over the line after it, and the issuer's last
     * character over the date).
     */
    @Test
    void wrappedTitleValuesAndIssuerPushWhatFollowsDownInsteadOfPrintingOverIt() throws Exception {
        Fixtures f = Fixtures.get();
        DocumentSpec spec = new DocumentSpec("社会保险登记信息（单位参保编号，“多证合一”后不再单独发证）", List.of(
                new DocumentSpec.Line("事项", "用人单位社会保险登记"),
                new DocumentSpec.Line("单位名称", "包头市鹿城智联科技有限公司"),
                new DocumentSpec.Line("证明内容", "经核查，包头市鹿城智联科技有限公司（统一社会信用代码 91150203MA0N7LC8XD）的社会保险登记信息"
                        + "（单位参保编号，“多证合一”后不再单独发证）：出具单位包头市社会保险事业服务中心，经办人王建国。"),
                new DocumentSpec.Line("出具日期", "2026-12-02")),
                "包头市社会保险事业服务中心", "ZM-41Q9CFVV5W07AXCN", LocalDate.of(2026, 12, 2),
                "https://zwfw.example.gov.cn/verify/ZM-41Q9CFVV5W07AXCN", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] ofd = new OfdIssuer().issue(spec, f.body);
        String content = new String(Fixtures.unzip(ofd).get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<ofd:TextObject[^>]*Boundary=\"([^\"]+)\"").matcher(content);
        List<double[]> boxes = new java.util.ArrayList<>();
        while (m.find()) {
            String[] v = m.group(1).trim().split("\\s+");
            boxes.add(new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3])});
        }
        assertTrue(boxes.size() >= 12, "one text object per line: " + boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            double[] a = boxes.get(i);
            assertTrue(a[0] + a[2] <= 210.01 && a[1] + a[3] <= 297.01, "inside the page: " + java.util.Arrays.toString(a));
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] b = boxes.get(j);
                // Glyph boxes of neighbouring lines may touch; what must not happen is one line
                // drawn over another by more than a tenth of the smaller height.
                double overlapX = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
                double overlapY = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
                assertFalse(overlapX > 0.5 && overlapY > 0.1 * Math.min(a[3], b[3]),
                        "text objects overlap: " + java.util.Arrays.toString(a) + " and " + java.util.Arrays.toString(b));
            }
        }
    }

    @Test
    void contentThatWouldRunUnderTheSealIsRefused() {
        Fixtures f = Fixtures.get();
        List<DocumentSpec.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(new DocumentSpec.Line("第" + i + "项", "一行写不下的很长很长很长很长的内容，一行写不下的很长很长很长很长的内容，再长一些"));
        }
        DocumentSpec spec = new DocumentSpec("证明", lines, "紫竹市市场监督管理局", "ZZ-1", LocalDate.of(2026, 12, 2),
                "https://central.zizhu.example/verify/ZZ-1", "{}".getBytes(StandardCharsets.UTF_8));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> new OfdIssuer().issue(spec, f.body));
        assertTrue(e.getMessage().contains("too long for one page"), e.getMessage());
    }
}
