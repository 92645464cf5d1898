package org.zizhu.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.print.a4.A4PdfRenderer;

/** Every built-in template to A4 PDF, checked with poppler (text, fonts) and ZXing (QR at 100 dpi). */
class A4PdfRendererTest {
    static A4PdfRenderer renderer;
    static PrintTemplates templates;
    @TempDir
    static Path dir;

    @BeforeAll
    static void warm() {
        renderer = new A4PdfRenderer();
        templates = PrintTemplates.builtIn();
    }

    private static Path pdf(TemplateData data) throws Exception {
        Path p = dir.resolve(data.templateName() + ".pdf");
        Files.write(p, renderer.render(templates.fill(data)));
        return p;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static void assertEmbeddedSubsetUnicode(Path pdf) throws Exception {
        List<String> fonts = Poppler.fonts(pdf);
        assertFalse(fonts.isEmpty(), "no fonts in " + pdf);
        for (String row : fonts) {
            assertTrue(row.matches(".*\\byes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$"), "font not emb/sub/uni: " + row);
            assertTrue(row.contains("CID TrueType"), row);
        }
    }

    private static void assertQr(Path pdf, String expected) throws Exception {
        BufferedImage page = Poppler.render(pdf, 1, 100);
        List<String> found = Images.decodeQr(page);
        if (!found.contains(expected)) {
            // multi-page documents put the QR code at the end
            int pages = Integer.parseInt(Poppler.run("pdfinfo", pdf.toString()).replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
            found = Images.decodeQr(Poppler.render(pdf, pages, 100));
        }
        assertEquals(List.of(expected), found, "QR codes decoded from a 100 dpi render of " + pdf.getFileName());
    }

    @Test
    void acceptanceReceipt() throws Exception {
        Path p = pdf(SampleDocuments.acceptanceReceipt());
        String text = Poppler.text(p);
        String flat = squash(text);
        for (String s : List.of("受理回执", "SL2026031800123", "城乡居民养老保险参保登记", "1101**********002X", "王*",
                "居民身份证（原件，1份）", "容缺受理材料（已签署承诺书）", "银行账户信息：请于2026年3月25日前补交",
                "5个工作日（2026年3月25日前办结）", "扫码查询办理进度")) {
            assertTrue(flat.contains(squash(s)), "missing '" + s + "' in:\n" + text);
        }
        assertFalse(text.contains(SampleDocuments.SAMPLE_ID), "unmasked ID number printed");
        assertFalse(text.contains("王小明"), "unmasked name printed");
        assertEmbeddedSubsetUnicode(p);
        assertQr(p, "https://zwfw.example.gov.cn/case/SL2026031800123");
        Images.assertLooksLike("a4-acceptance-receipt.png", Poppler.render(p, 1, 50), 0);
    }

    @Test
    void itemGuideHasEveryElement() throws Exception {
        Path p = pdf(SampleDocuments.itemGuide());
        String flat = squash(Poppler.text(p));
        for (String label : List.of("事项名称", "事项编码", "事项类型", "设定依据", "实施主体", "受理条件", "服务对象",
                "法定办结时限", "承诺办结时限", "结果名称", "结果样本", "收费标准", "收费依据", "申请材料", "容缺受理",
                "办理流程", "办理形式", "审查标准", "通办范围", "预约办理", "网上支付", "物流快递", "办理地点", "办理时间",
                "咨询方式", "监督投诉方式")) {
            assertTrue(flat.contains(label), "guide element " + label + " missing");
        }
        for (String s : List.of("11110000000013338W3000212101001", "《中华人民共和国社会保险法》第二十条",
                "材料类型：表格", "来源渠道：政务服务中心提供", "份数及规格：1份，A4纸，签字", "需电子版：是",
                "免提交：通过数据共享或电子证照获取（免证办）", "4.办结", "监督投诉方式：12345政务服务便民热线")) {
            assertTrue(flat.contains(squash(s)), "missing " + s);
        }
        assertEmbeddedSubsetUnicode(p);
        assertQr(p, "https://zwfw.example.gov.cn/guide/11110000000013338W3000212101001");
    }

    @Test
    void licenseCopyHasSealWatermarkAndVerificationQr() throws Exception {
        Path p = pdf(SampleDocuments.licenseCopy());
        String flat = squash(Poppler.text(p));
        assertTrue(flat.contains("此件由某某市大数据管理局提供，仅供办理政务服务事项时使用"), flat);
        assertTrue(flat.contains("居民户口簿") && flat.contains("发证机关：某某市公安局") && flat.contains("1101**********002X"));
        assertTrue(Poppler.run("pdfimages", "-list", p.toString()).contains("smask"), "seal image with transparency expected");
        assertEmbeddedSubsetUnicode(p);
        assertQr(p, "https://zwfw.example.gov.cn/verify/1.2.156.3005.2.11100000000013127D001.0001.001.K");
        Images.assertLooksLike("a4-license-copy.png", Poppler.render(p, 1, 50), 0);
    }

    @Test
    void commitmentLetterQueueTicketAndTestPage() throws Exception {
        String letter = squash(Poppler.text(pdf(SampleDocuments.commitmentLetter())));
        assertTrue(letter.contains("容缺受理承诺书") && letter.contains("本人王小明（证件号码：1101**********002X）")
                && letter.contains("1.银行账户信息，补交期限：2026年3月25日"), letter);
        Path ticket = pdf(SampleDocuments.queueTicket());
        assertTrue(squash(Poppler.text(ticket)).contains("您前面还有7人等候"));
        assertQr(ticket, "https://zwfw.example.gov.cn/queue/A015");
        Path test = pdf(SampleDocuments.testPage());
        String t = Poppler.text(test);
        assertTrue(t.contains("生僻字：刘䶮 𠀀"), "rare characters (CJK ext A and B) must survive: " + t);
        assertEmbeddedSubsetUnicode(test);
        assertQr(test, "ZIZHU-TEST:ZZ-0001");
    }

    @Test
    void theSignedCommitmentLetterCarriesTheSignatureAsAnImageBoundedInItsBox() throws Exception {
        Path signed = pdf(SampleDocuments.commitmentLetter());
        String text = squash(Poppler.text(signed));
        assertTrue(text.contains("承诺人（签字）：") && !text.contains("承诺人（签字）：____"), text);
        // pdfimages -list: one row per image XObject (with its soft mask for the transparent background).
        List<String> rows = Poppler.run("pdfimages", "-list", signed.toString()).lines().skip(2).toList();
        assertEquals(2, rows.size(), "the signature and its transparency mask: " + rows);
        assertTrue(rows.get(0).matches("\\s*1\\s+\\d+\\s+image\\s+480\\s+160\\b.*"), rows.get(0));
        assertTrue(rows.get(1).contains("smask"), rows.get(1));
        // Drawn in the 50 x 20 mm box: the 3:1 signature is 50 mm wide (pdfimages reports ~244 ppi for 480 px in 50 mm).
        int xPpi = Integer.parseInt(rows.get(0).trim().split("\\s+")[12]);
        assertTrue(Math.abs(xPpi - 244) <= 2, "x-ppi " + xPpi + " in " + rows.get(0));

        var d = SampleDocuments.commitmentLetter();
        Path paper = dir.resolve("unsigned.pdf");
        Files.write(paper, renderer.render(templates.fill(new CommitmentLetterData(d.caseNumber(), d.itemName(),
                d.applicantName(), d.applicantIdNumber(), d.missing(), d.office(), d.date()))));
        assertTrue(squash(Poppler.text(paper)).contains("承诺人（签字）：________________"), "a line to sign on paper");
        assertEquals(2, Poppler.run("pdfimages", "-list", paper.toString()).lines().count(), "no image on the paper letter");
    }

    @Test
    void backgroundStartAndMissingFont() throws Exception {
        A4PdfRenderer r = A4PdfRenderer.startInBackground(org.zizhu.fonts.FontConfig.defaults())
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        Path p = dir.resolve("bg.pdf");
        Files.write(p, r.render(templates.fill(SampleDocuments.queueTicket())));
        assertTrue(Poppler.text(p).contains("不动产登记"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new A4PdfRenderer(new org.zizhu.fonts.FontConfig(Path.of("/nonexistent/font.ttc"), "X", List.of())));
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), e.getMessage());
    }

    @Test
    void longGuideBreaksPagesAndNumbersThem() throws Exception {
        ItemGuideData g = SampleDocuments.itemGuide();
        String longText = "受理条件说明。".repeat(400);
        ItemGuideData big = new ItemGuideData(g.name(), g.code(), g.type(), g.legalBasis(), g.implementingBody(),
                longText, g.serviceObject(), g.statutoryLimit(), g.promisedLimit(), g.resultName(), g.resultSample(),
                g.fee(), g.feeBasis(), g.materials(), g.missingMaterialAcceptance(), g.process(), g.channels(),
                g.reviewCriteria(), g.scope(), g.appointment(), g.onlinePayment(), g.delivery(), g.place(), g.hours(),
                g.enquiries(), g.complaints(), g.guideUrl());
        Path p = dir.resolve("big.pdf");
        Files.write(p, renderer.render(templates.fill(big)));
        String text = Poppler.text(p);
        int pages = Integer.parseInt(Poppler.run("pdfinfo", p.toString()).replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
        assertTrue(pages >= 3, "pages: " + pages);
        assertTrue(squash(text).contains("第1页/共" + pages + "页") && squash(text).contains("第" + pages + "页/共" + pages + "页"));
        assertEquals(400, squash(text).split("受理条件说明。", -1).length - 1);
    }
}
