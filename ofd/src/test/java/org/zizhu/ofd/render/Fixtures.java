package org.zizhu.ofd.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.NumberFormatAtomicSignID;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.SESV4Container;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * Real OFD documents for the renderer's tests, made with ofdrw-layout and sealed with ofdrw-sign
 * as docs/research/issue13-ofdrw.md §6 does, plus hand-written minimal packages for the
 * robustness tests (where the Content.xml must say exactly what the test needs).
 */
final class Fixtures {
    static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final String ID_NUMBER = "110101199003071234";
    static final String ID_MASKED = "110101********1234";
    static final String ID_LINE = "公民身份号码：" + ID_NUMBER;
    /** Stamp position used by {@link #seal}: page 1, x 120, y 40, 40 × 40 mm. */
    static final double[] STAMP = {120, 40, 40, 40};
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private Fixtures() {
    }

    /** wqy-zenhei subset to the characters used, as the centre embeds it (the whole TTC is 16.8 MB). */
    static Path subsetFont(Path dir, String text) throws IOException {
        Path out = dir.resolve("subset.ttf");
        try (TrueTypeCollection ttc = new TrueTypeCollection(WQY.toFile())) {
            TrueTypeFont ttf = ttc.getFontByName("WenQuanYiZenHei");
            TTFSubsetter sub = new TTFSubsetter(ttf);
            text.codePoints().forEach(sub::add);
            for (int c = 0x20; c < 0x7f; c++) {
                sub.add(c);
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                sub.writeToStream(o);
            }
        }
        return out;
    }

    static final String TITLE = "中华人民共和国居民身份证电子证照（测试）";
    static final String NAME_LINE = "姓名：张三";

    /** A one-page license: title, name, ID number line (one TextObject), a filled box and an image. */
    static byte[] licence(Path dir, String idLine, boolean embed) throws IOException {
        Path fontFile = embed ? subsetFont(dir, TITLE + NAME_LINE + idLine + "*") : WQY;
        org.ofdrw.font.Font font = new org.ofdrw.font.Font("WenQuanYi Zen Hei", "WenQuanYi Zen Hei", fontFile);
        font.setEmbeddable(embed);
        Path png = dir.resolve("photo.png");
        BufferedImage photo = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = photo.createGraphics();
        pg.setColor(new Color(0, 160, 0));
        pg.fillRect(0, 0, 60, 80);
        pg.dispose();
        ImageIO.write(photo, "png", png.toFile());
        Path out = dir.resolve("licence-" + System.nanoTime() + ".ofd");
        try (OFDDoc doc = new OFDDoc(out)) {
            doc.add(new Paragraph(TITLE, 8d, font));
            doc.add(new Paragraph(NAME_LINE, 5d, font));
            doc.add(new Paragraph(idLine, 5d, font));
            Div box = new Div(30d, 10d);
            box.setBackgroundColor(0, 0, 255);
            doc.add(box);
            doc.add(new Img(30d, 40d, png));
        }
        return Files.readAllBytes(out);
    }

    static KeyPair sm2() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", BC);
        kpg.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
        return kpg.generateKeyPair();
    }

    static X509Certificate cert(KeyPair kp, String cn) throws Exception {
        X500Name n = new X500Name("C=CN,O=Zizhu Test,CN=" + cn);
        Date from = new Date(System.currentTimeMillis() - 60_000);
        Date to = new Date(System.currentTimeMillis() + 365L * 86_400_000);
        var b = new JcaX509v3CertificateBuilder(n, BigInteger.valueOf(System.nanoTime()), from, to, n, kp.getPublic());
        var signer = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(kp.getPrivate());
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer));
    }

    /** A red ring with a red star on transparent ground, like an official seal picture. */
    static byte[] stampPng() throws IOException {
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(12));
        g.drawOval(8, 8, 184, 184);
        g.fillPolygon(new int[] {100, 112, 140, 117, 126, 100, 74, 83, 60, 88},
                new int[] {60, 88, 90, 108, 138, 120, 138, 108, 90, 88}, 10);
        g.dispose();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bos);
        return bos.toByteArray();
    }

    static SESeal makeSeal(KeyPair maker, X509Certificate makerCert, X509Certificate userCert) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector(1);
        v.add(new DEROctetString(userCert.getEncoded()));
        Date now = new Date();
        SES_ESPropertyInfo prop = new SES_ESPropertyInfo()
                .setType(new ASN1Integer(1))
                .setName(new DERUTF8String("紫竹政务服务测试章"))
                .setCertListType(SES_ESPropertyInfo.CertListType)
                .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType, new DERSequence(v)))
                .setCreateDate(new ASN1GeneralizedTime(now))
                .setValidStart(new ASN1GeneralizedTime(now))
                .setValidEnd(new ASN1GeneralizedTime(new Date(now.getTime() + 365L * 86_400_000)));
        SES_ESPictrueInfo pic = new SES_ESPictrueInfo().setType("PNG").setData(stampPng()).setWidth(40).setHeight(40);
        SES_SealInfo info = new SES_SealInfo()
                .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("ZIZHU")))
                .setEsID(new DERIA5String("ZIZHUTEST0001"))
                .setProperty(prop).setPicture(pic);
        Signature sg = Signature.getInstance("SM3WithSM2", BC);
        sg.initSign(maker.getPrivate());
        sg.update(info.getEncoded("DER"));
        return new SESeal().seteSealInfo(info).setCert(makerCert)
                .setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3).setSignedValue(sg.sign());
    }

    /** Seals {@code ofd} with a fresh maker and signer, stamp at {@link #STAMP} on page 1. */
    static byte[] seal(Path dir, byte[] ofd) throws Exception {
        KeyPair maker = sm2();
        KeyPair user = sm2();
        X509Certificate makerCert = cert(maker, "Seal Maker");
        X509Certificate userCert = cert(user, "Issuer");
        SESeal seal = makeSeal(maker, makerCert, userCert);
        Path src = dir.resolve("unsealed-" + System.nanoTime() + ".ofd");
        Path out = dir.resolve("sealed-" + System.nanoTime() + ".ofd");
        Files.write(src, ofd);
        try (OFDReader reader = new OFDReader(src);
             OFDSigner signer = new OFDSigner(reader, out, new NumberFormatAtomicSignID())) {
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(new SESV4Container(user.getPrivate(), seal, userCert));
            signer.addApPos(new NormalStampPos(1, STAMP[0], STAMP[1], STAMP[2], STAMP[3]));
            signer.exeSign();
        }
        return Files.readAllBytes(out);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                m.put(e.getName().startsWith("/") ? e.getName().substring(1) : e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    static byte[] replace(byte[] zip, String entry, String content) throws IOException {
        Map<String, byte[]> m = unzip(zip);
        m.put(entry, content.getBytes(StandardCharsets.UTF_8));
        return zip(m);
    }

    static String entry(byte[] zip, String name) throws IOException {
        return new String(unzip(zip).get(name), StandardCharsets.UTF_8);
    }

    static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

    /**
     * A minimal A4 package around the given page content (the inside of {@code ofd:Layer}); font 1
     * is wqy-zenhei by name (not embedded), image 2 is a 40 × 40 px red PNG.
     */
    static byte[] mini(String layerContent) throws IOException {
        return miniPage("<ofd:Page " + NS + "><ofd:Content><ofd:Layer ID=\"10\">" + layerContent
                + "</ofd:Layer></ofd:Content></ofd:Page>");
    }

    static byte[] miniPage(String contentXml) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("OFD.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + NS + " Version=\"1.2\" DocType=\"OFD\">"
                + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
        m.put("Doc_0/Document.xml", ("<ofd:Document " + NS + "><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                + "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:MaxUnitID>99</ofd:MaxUnitID>"
                + "</ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>")
                .getBytes(StandardCharsets.UTF_8));
        m.put("Doc_0/PublicRes.xml", ("<ofd:Res " + NS + " BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"WenQuanYi Zen Hei\""
                + " FamilyName=\"WenQuanYi Zen Hei\"/></ofd:Fonts><ofd:MultiMedias><ofd:MultiMedia ID=\"2\" Type=\"Image\" Format=\"PNG\">"
                + "<ofd:MediaFile>red.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>").getBytes(StandardCharsets.UTF_8));
        m.put("Doc_0/Pages/Page_0/Content.xml", contentXml.getBytes(StandardCharsets.UTF_8));
        BufferedImage red = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = red.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 40, 40);
        g.dispose();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(red, "png", bos);
        m.put("Doc_0/Res/red.png", bos.toByteArray());
        return zip(m);
    }

}
