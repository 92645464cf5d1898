package org.zizhu.print;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Fictional sample data for every built-in template: used by the demo, the technician
 * commands, tests and benchmarks. The ID number is the published valid sample
 * 11010519491231002X, not a real person's.
 */
public final class SampleDocuments {
    public static final String SAMPLE_ID = "11010519491231002X";
    public static final LocalDateTime AT = LocalDateTime.of(2026, 3, 18, 9, 30);

    private SampleDocuments() {
    }

    public static AcceptanceReceiptData acceptanceReceipt() {
        return new AcceptanceReceiptData("SL2026031800123", "城乡居民养老保险参保登记", "000000000000000000000000000000",
                "王小明", SAMPLE_ID, AT,
                List.of(new Material("居民身份证", 1, "原件"), new Material("户口簿", 1, "复印件")),
                List.of(new PendingMaterial("银行账户信息", LocalDate.of(2026, 3, 25))),
                5, LocalDate.of(2026, 3, 25), "https://zwfw.example.gov.cn/case/SL2026031800123",
                "某某市政务服务中心", "12345");
    }

    public static QueueTicketData queueTicket() {
        return new QueueTicketData("A015", "不动产登记", "某某市政务服务中心", 7, AT, "3号窗口",
                "https://zwfw.example.gov.cn/queue/A015");
    }

    public static ItemGuideData itemGuide() {
        return new ItemGuideData("城乡居民养老保险参保登记", "11110000000013338W3000212101001", "公共服务",
                "《中华人民共和国社会保险法》第二十条", "某某市社会保险事业管理中心",
                "年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民",
                "自然人", "20个工作日", "即办", "城乡居民养老保险参保登记", "参保登记回执（样本见办事大厅）",
                "不收费", "无",
                List.of(new GuideMaterial("居民身份证", "原件", "", "", "申请人自备", 1, "A4纸", false, true),
                        new GuideMaterial("城乡居民基本养老保险参保登记表", "表格", "登记表样本", "网上填报", "政务服务中心提供", 1,
                                "A4纸，签字", true, false)),
                "银行账户信息可容缺，须在5个工作日内补交",
                List.of("申请", "受理", "审核", "办结"), "窗口办理、网上办理、自助终端办理",
                "材料齐全、符合法定形式", "全市通办", "支持预约办理", "不涉及", "支持邮寄送达",
                "某某市政务服务中心一楼社保窗口", "周一至周五 9:00-17:00（节假日除外）", "0000-12345678",
                "12345政务服务便民热线", "https://zwfw.example.gov.cn/guide/11110000000013338W3000212101001");
    }

    public static LicenseCopyData licenseCopy() {
        return new LicenseCopyData("居民户口簿", "1.2.156.3005.2.11100000000013127D001.0001.001.K",
                "王小明", SAMPLE_ID, "某某市公安局", LocalDate.of(2020, 5, 6),
                List.of(new LicenseCopyData.Entry("户别", "家庭户"), new LicenseCopyData.Entry("住址", "某某市某某区某某路1号")),
                sealPng("某某市公安局"), "https://zwfw.example.gov.cn/verify/1.2.156.3005.2.11100000000013127D001.0001.001.K",
                "某某市大数据管理局", AT);
    }

    public static CommitmentLetterData commitmentLetter() {
        return new CommitmentLetterData("SL2026031800123", "城乡居民养老保险参保登记", "王小明", SAMPLE_ID,
                List.of(new PendingMaterial("银行账户信息", LocalDate.of(2026, 3, 25))), "某某市政务服务中心",
                LocalDate.of(2026, 3, 18), signaturePng());
    }

    public static NotificationCommitmentData notificationCommitment() {
        return new NotificationCommitmentData("SL2026031800124", "食品经营许可", "王小明", SAMPLE_ID,
                "本人已知悉食品经营许可的条件，并郑重承诺：具有与经营的食品品种、数量相适应的经营场所；有相应的设备设施；"
                        + "有食品安全管理人员和规章制度。如承诺不实，许可机关将依法撤销许可，本人承担相应法律责任。",
                "某某市市场监督管理局", LocalDate.of(2026, 3, 18), signaturePng());
    }

    /**
     * A handwritten-looking signature as a touchscreen pad gives it: dark strokes on a
     * transparent background, 480x160 pixels.
     */
    public static byte[] signaturePng() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(480, 160, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new java.awt.Color(20, 20, 40));
            g.setStroke(new java.awt.BasicStroke(7, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
            java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
            p.moveTo(30, 110);
            for (int x = 30; x <= 450; x += 6) {
                p.lineTo(x, 90 + 45 * Math.sin(x / 23.0) * Math.cos(x / 71.0));
            }
            g.draw(p);
            g.drawLine(60, 40, 120, 130);
            g.drawLine(200, 30, 230, 135);
        } finally {
            g.dispose();
        }
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static TestPageData testPage() {
        return new TestPageData("ZZ-0001", "0.1.0", "receipt", AT);
    }

    /** All samples, in {@link PrintTemplates#BUILT_IN} order. */
    public static List<TemplateData> all() {
        return List.of(acceptanceReceipt(), queueTicket(), itemGuide(), licenseCopy(), commitmentLetter(), notificationCommitment(), testPage(),
                commissioningReport());
    }

    public static CommissioningReportData commissioningReport() {
        return new CommissioningReportData("ZZ-0001", "0.1.0", AT,
                List.of(new CommissioningReportData.Line("网络与时间", "通过"), new CommissioningReportData.Line("终端注册", "通过")),
                List.of(new CommissioningReportData.Line("idcard", "/dev/zizhu/idcard")),
                List.of(new CommissioningReportData.Line("receipt", "通过")));
    }

    /** The seal image for sample documents. */
    public static byte[] sealPng(String issuer) {
        return SealImage.draw(issuer);
    }
}
