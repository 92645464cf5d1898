package org.zizhu.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zizhu.device.printer.escpos.EscPosPrinter;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.device.printer.sim.SimulatedReceipt;
import org.zizhu.print.Images;
import org.zizhu.print.PrintTemplates;
import org.zizhu.print.SampleDocuments;
import org.zizhu.print.TemplateData;
import org.zizhu.print.escpos.ReceiptEncoder;
import org.zizhu.print.receipt.Receipt;
import org.zizhu.print.receipt.ReceiptLayout;

/** Every template as ESC/POS over TCP into the simulator; checks what the simulator decoded. */
class ReceiptPrintingTest {
    static final PrintTemplates TEMPLATES = PrintTemplates.builtIn();
    static EscPosSimulator sim80;
    static EscPosSimulator sim58;

    @BeforeAll
    static void start() throws Exception {
        sim80 = EscPosSimulator.startTcp(0, 576);
        sim58 = EscPosSimulator.startTcp(0, 384);
    }

    @AfterAll
    static void stop() {
        sim80.close();
        sim58.close();
    }

    static SimulatedReceipt printOne(TemplateData data, ReceiptPaper paper) throws Exception {
        EscPosSimulator sim = paper == ReceiptPaper.MM80 ? sim80 : sim58;
        int before = sim.receipts().size();
        Receipt receipt = ReceiptLayout.layout(TEMPLATES.fill(data), paper);
        try (EscPosPrinter p = new EscPosPrinter(ReceiptPrinterConfig.builder().endpoint("tcp://127.0.0.1:" + sim.port())
                .paper(paper).pollInterval(Duration.ZERO).build())) {
            PrintResult r = p.print(ReceiptEncoder.encode(receipt));
            assertTrue(r.ok(), r.toString());
        }
        List<SimulatedReceipt> all = sim.awaitReceipts(before + 1, Duration.ofSeconds(5));
        assertEquals(before + 1, all.size(), "one receipt printed");
        SimulatedReceipt got = all.get(before);
        assertTrue(got.cut(), "receipt cut");
        assertFalse(got.text().contains("?"), "no character replaced by '?': " + got.text());
        assertEquals(paper.dots(), got.image().getWidth());
        assertEquals(got.qrCodes(), Images.decodeQr(ImageIO.read(new ByteArrayInputStream(got.png()))),
                "QR codes decoded from the simulator's PNG");
        return got;
    }

    static String flat(SimulatedReceipt r) {
        return String.join("", r.lines()).replace(" ", "");
    }

    @ParameterizedTest
    @EnumSource(ReceiptPaper.class)
    void acceptanceReceipt(ReceiptPaper paper) throws Exception {
        SimulatedReceipt r = printOne(SampleDocuments.acceptanceReceipt(), paper);
        String t = flat(r);
        for (String s : List.of("受理回执", "受理编号：SL2026031800123", "证件号码：1101**********002X", "申请人：王**",
                "居民身份证（原件，1份）", "银行账户信息：请于2026年3月25日前补交", "扫码查询办理进度")) {
            assertTrue(t.contains(s.replace(" ", "")), "missing " + s + " in\n" + r.text());
        }
        assertFalse(t.contains(SampleDocuments.SAMPLE_ID));
        assertEquals(List.of("https://zwfw.example.gov.cn/case/SL2026031800123"), r.qrCodes());
        Images.assertLooksLike("receipt-acceptance-" + paper.name() + ".png", r.image(), 8);
    }

    @ParameterizedTest
    @EnumSource(ReceiptPaper.class)
    void queueTicketGuideLetterLicense(ReceiptPaper paper) throws Exception {
        SimulatedReceipt ticket = printOne(SampleDocuments.queueTicket(), paper);
        assertTrue(flat(ticket).contains("A015") && flat(ticket).contains("您前面还有7人等候"), ticket.text());
        assertTrue(ticket.lines().contains("A015"), "ticket number on a line of its own: " + ticket.lines());

        SimulatedReceipt guide = printOne(SampleDocuments.itemGuide(), paper);
        for (String label : List.of("事项名称", "事项编码", "事项类型", "设定依据", "实施主体", "受理条件", "服务对象",
                "法定办结时限", "承诺办结时限", "结果名称", "结果样本", "收费标准", "收费依据", "申请材料", "容缺受理",
                "办理流程", "办理形式", "审查标准", "通办范围", "预约办理", "网上支付", "物流快递", "办理地点", "办理时间",
                "咨询方式", "监督投诉方式")) {
            assertTrue(flat(guide).contains(label), label);
        }
        SimulatedReceipt letter = printOne(SampleDocuments.commitmentLetter(), paper);
        assertTrue(flat(letter).contains("容缺受理承诺书") && flat(letter).contains("1101**********002X"));
        assertTrue(flat(letter).contains("承诺人（签字）："), letter.text());
        assertTrue(letter.rasterImages() >= 1, "the drawn signature printed as a raster image (in bands)");
        var d = SampleDocuments.commitmentLetter();
        SimulatedReceipt toSign = printOne(new org.zizhu.print.CommitmentLetterData(d.caseNumber(), d.itemName(),
                d.applicantName(), d.applicantIdNumber(), d.missing(), d.office(), d.date()), paper);
        assertEquals(0, toSign.rasterImages(), "the letter to sign on paper has no image");

        SimulatedReceipt license = printOne(SampleDocuments.licenseCopy(), paper);
        assertTrue(flat(license).contains("此件由某某市大数据管理局提供，仅供办理政务服务事项时使用"), license.text());
        assertTrue(license.rasterImages() >= 1, "seal printed as raster");
        assertEquals(List.of("https://zwfw.example.gov.cn/verify/1.2.156.3005.2.11100000000013127D001.0001.001.K"),
                license.qrCodes());
    }

    @Test
    void theSignatureIsRasterBytesFittedIntoItsBox() throws Exception {
        Receipt receipt = ReceiptLayout.layout(TEMPLATES.fill(SampleDocuments.commitmentLetter()), ReceiptPaper.MM80);
        var images = receipt.lines().stream().filter(l -> l instanceof org.zizhu.print.receipt.ReceiptLine.Image)
                .map(l -> ((org.zizhu.print.receipt.ReceiptLine.Image) l).image()).toList();
        assertEquals(1, images.size());
        // 50 x 20 mm at 8 dots/mm; the 3:1 signature fills the width: 400 x 133 dots.
        assertEquals(400, images.get(0).getWidth());
        assertEquals(133, images.get(0).getHeight());
        byte[] job = ReceiptEncoder.encode(receipt).bytes();
        // GS v 0 with 50 bytes a row: the first band's header, then dark bits (the strokes) in its data.
        byte[] header = {0x1D, 0x76, 0x30, 0x00, 50, 0};
        int at = indexOf(job, header);
        assertTrue(at >= 0, "raster command for the signature");
        int rows = (job[at + 6] & 0xff) | (job[at + 7] & 0xff) << 8;
        boolean dark = false;
        for (int i = at + 8; i < at + 8 + 50 * rows; i++) {
            dark |= job[i] != 0;
        }
        assertTrue(dark, "the strokes are black dots; the transparent background stays white");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void rareCharactersOutsideGbkPrintAsRaster() throws Exception {
        SimulatedReceipt r = printOne(SampleDocuments.testPage(), ReceiptPaper.MM58);
        assertTrue(r.rasterImages() >= 1, "the 生僻字 line is a raster image");
        assertFalse(flat(r).contains("生僻字"), "that line is not sent as (lossy) GBK text");
        assertTrue(flat(r).contains("自助终端政务服务中文打印测试"));
        assertEquals(List.of("ZIZHU-TEST:ZZ-0001"), r.qrCodes());
        Images.assertLooksLike("receipt-test-page-MM58.png", r.image(), 8);
        byte[] job = ReceiptEncoder.encode(ReceiptLayout.layout(TEMPLATES.fill(SampleDocuments.testPage()), ReceiptPaper.MM58)).bytes();
        assertFalse(new String(job, java.nio.charset.StandardCharsets.ISO_8859_1).contains("?"), "no '?' in the job bytes");
    }
}
