package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.CentralSimulator;
import org.zizhu.device.printer.escpos.ReceiptPaper;
import org.zizhu.device.printer.escpos.ReceiptPrinter;
import org.zizhu.device.printer.escpos.ReceiptPrinterConfig;
import org.zizhu.device.printer.sim.EscPosSimulator;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.device.printer.sim.SimulatedReceipt;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.catalog.CatalogJson;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ApplicationState;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.print.SampleDocuments;

/**
 * The application's receipt run on a receipt printer speaking ESC/POS (the simulator over TCP),
 * through the kiosk's real {@link PrintService}: the acceptance receipt, then the signed
 * 容缺受理承诺书 with the resident's drawn signature as a raster image. A signature that is gone
 * prints nothing at all (every document is made first); a paper end is a retryable failure.
 */
class ApplicationReceiptPrintingTest {
    private static final String RETIREMENT = "12150200MB1C47725K050210200001";
    private static final String OWED = "视同缴费年限、特殊工种等证明材料（如有）";

    @TempDir
    Path data;

    private static String flat(SimulatedReceipt r) {
        return String.join("", r.lines()).replace(" ", "");
    }

    @Test
    void theReceiptThenTheSignedLetterPrintAndAWipedSignaturePrintsNothing() throws Exception {
        try (CentralSimulator central = CentralSimulator.builder().https(false).start();
             KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
             EscPosSimulator sim = EscPosSimulator.startTcp(0, ReceiptPaper.MM80.dots());
             ReceiptPrinter printer = ReceiptPrinter.open(ReceiptPrinterConfig.builder()
                     .endpoint("tcp://127.0.0.1:" + sim.port()).paper(ReceiptPaper.MM80).pollInterval(Duration.ZERO).build())) {
            ItemDetail item = CatalogJson.item(central.catalog().item(RETIREMENT).orElseThrow());
            PrintService printing = new PrintService(printer, null);
            var ports = new CentralApplicationPorts(rt.services(),
                    timeout -> { throw new AssertionError("no face needed to print"); },
                    timeout -> { throw new AssertionError("no page needed to print"); },
                    printing::printReceipts, new Messages(), Clock.system(ZoneId.of("Asia/Shanghai")));
            LocalDate due = LocalDate.of(2026, 12, 31);
            var receipt = new OneCertificateService.CaseReceipt("ZW-20261201-000777", RETIREMENT, "SUBMITTED", Instant.now(),
                    LocalDate.of(2026, 12, 11), List.of(new OneCertificateService.OwedMaterial(OWED, due)), "WINDOW", List.of());
            var outcome = new CentralOutcome.Accepted(new OneCertificateService.Submission(Optional.of(receipt), false,
                    "ZW-20261201-000777"), "ZW-20261201-000777", new Text("已受理", "Accepted"));
            Resident wang = new Resident("王建国", "150202198503120016", Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
            Image signature = new Image(SampleDocuments.signaturePng());
            var received = List.of(new ApplicationState.Received("申请人居民身份证", ApplicationState.Provided.E_LICENSE));
            var owed = List.of(new ApplicationState.Owed(OWED, due, signature));

            ports.printReceipt(item, wang, outcome, received, owed);
            List<SimulatedReceipt> out = sim.awaitReceipts(2, Duration.ofSeconds(10));
            assertEquals(2, out.size(), "the receipt and the letter, each cut");
            String first = flat(out.get(0));
            assertTrue(first.contains("受理回执") && first.contains("ZW-20261201-000777") && first.contains("2026年12月31日"), first);
            String letter = flat(out.get(1));
            assertTrue(letter.contains("容缺受理承诺书") && letter.contains("本人王建国") && letter.contains("1502**********0016")
                    && letter.contains(OWED + "，补交期限：2026年12月31日") && letter.contains("承诺人（签字）："), letter);
            assertTrue(!letter.contains("________"), "signed on the touchscreen, not left to sign on paper");
            assertTrue(out.get(1).rasterImages() >= 1, "the signature printed as a raster image");
            assertTrue(out.get(1).cut());

            // The signature gone (the visit ended meanwhile): not even the receipt prints half a run.
            signature.wipe();
            ServiceException gone = assertThrows(ServiceException.class, () -> ports.printReceipt(item, wang, outcome, received, owed));
            assertTrue(gone.residentMessage() != null && gone.residentMessage().complete(), "the resident is told");
            assertEquals(2, sim.receipts().size(), "nothing printed");

            // Out of paper: a failure the resident may retry after the roll is changed.
            sim.setPaper(PaperState.END);
            var fresh = List.of(new ApplicationState.Owed(OWED, due, new Image(SampleDocuments.signaturePng())));
            ServiceException paper = assertThrows(ServiceException.class, () -> ports.printReceipt(item, wang, outcome, received, fresh));
            assertTrue(paper.retryable(), "print again after the paper is refilled");
            sim.setPaper(PaperState.FINE);
            ports.printReceipt(item, wang, outcome, received, fresh);
            assertEquals(4, sim.awaitReceipts(4, Duration.ofSeconds(10)).size(), "the retry prints the receipt and the letter");
        }
    }

    @Test
    void aNotificationCommitmentItemPrintsTheSignedConditionsAfterTheReceiptAndTheLetter() throws Exception {
        String food = "11150200MB1535080D011030100001"; // 食品经营许可: 告知承诺制, and a 容缺 material
        String owedName = "食品安全管理制度文本";
        try (CentralSimulator central = CentralSimulator.builder().https(false).start();
             KioskRuntime rt = KioskRuntime.open(TestKiosk.config(central.baseUrl(), data));
             EscPosSimulator sim = EscPosSimulator.startTcp(0, ReceiptPaper.MM80.dots());
             ReceiptPrinter printer = ReceiptPrinter.open(ReceiptPrinterConfig.builder()
                     .endpoint("tcp://127.0.0.1:" + sim.port()).paper(ReceiptPaper.MM80).pollInterval(Duration.ZERO).build())) {
            ItemDetail item = CatalogJson.item(central.catalog().item(food).orElseThrow());
            var ports = new CentralApplicationPorts(rt.services(),
                    timeout -> { throw new AssertionError("no face needed to print"); },
                    timeout -> { throw new AssertionError("no page needed to print"); },
                    new PrintService(printer, null)::printReceipts, new Messages(), Clock.system(ZoneId.of("Asia/Shanghai")));
            LocalDate due = LocalDate.of(2026, 12, 8);
            var receipt = new OneCertificateService.CaseReceipt("ZW-20261201-000778", food, "SUBMITTED", Instant.now(),
                    LocalDate.of(2026, 12, 8), List.of(new OneCertificateService.OwedMaterial(owedName, due)), "WINDOW", List.of());
            var outcome = new CentralOutcome.Accepted(new OneCertificateService.Submission(Optional.of(receipt), false,
                    "ZW-20261201-000778"), "ZW-20261201-000778", new Text("已受理", "Accepted"));
            Resident wang = new Resident("王建国", "150202198503120016", Resident.Source.ID_CARD, LocalDate.of(2036, 1, 1));
            var received = List.of(new ApplicationState.Received("营业执照", ApplicationState.Provided.SHARED_DATA));
            var owed = List.of(new ApplicationState.Owed(owedName, due, new Image(SampleDocuments.signaturePng())));
            Image conditions = new Image(SampleDocuments.signaturePng());

            ports.printReceipt(item, wang, outcome, received, owed, conditions);
            List<SimulatedReceipt> out = sim.awaitReceipts(3, Duration.ofSeconds(10));
            assertEquals(3, out.size(), "the receipt, the 容缺 letter, the 告知承诺书, each cut");
            assertTrue(flat(out.get(0)).contains("受理回执"));
            assertTrue(flat(out.get(1)).contains("容缺受理承诺书"));
            String notice = flat(out.get(2));
            assertTrue(notice.contains("告知承诺书") && notice.contains("本人王建国") && notice.contains("1502**********0016")
                    && notice.contains("ZW-20261201-000778") && notice.contains("承诺人（签字）："), notice);
            assertTrue(notice.contains("有专职或兼职食品安全管理人员"), "the item's conditions: " + notice);
            assertTrue(!notice.contains("________"), "signed on the touchscreen");
            assertTrue(out.get(2).rasterImages() >= 1, "the signature printed as a raster image");
            assertTrue(out.get(2).cut());

            // The conditions' signature gone: nothing of the run prints.
            conditions.wipe();
            var fresh = List.of(new ApplicationState.Owed(owedName, due, new Image(SampleDocuments.signaturePng())));
            assertThrows(ServiceException.class, () -> ports.printReceipt(item, wang, outcome, received, fresh, conditions));
            assertEquals(3, sim.receipts().size(), "nothing printed");
        }
    }
}
