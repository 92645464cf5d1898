package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.catalog.CatalogRulesTest;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.services.AppointmentService;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.print.AcceptanceReceiptData;
import org.zizhu.print.QueueTicketData;

/** The one mapper from the centre's results to print data. */
class PrintDataTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final PrintData data = new PrintData(CLOCK);
    private final ItemDetail item = CatalogRulesTest.item(List.of(CatalogModel.Handling.SUBMISSION), null,
            List.of(CatalogRulesTest.material("身份证", "ID_CARD", false), CatalogRulesTest.material("承诺书", null, true)),
            new CatalogModel.TimeLimit(3, null));

    @Test
    void queueTicketNamesTheCentresWindowOrElseTheItemsPlace() {
        Instant issued = Instant.parse("2026-11-25T01:30:00Z");
        QueueTicketData own = data.queueTicket(item, new AppointmentService.Ticket("A012", "C1", issued, 4, new Text("3号窗口", "Window 3")));
        assertEquals("3号窗口", own.windowHint());
        assertEquals("一楼大厅", own.hall());
        assertEquals(LocalDateTime.of(2026, 11, 25, 9, 30), own.issuedAt(), "in the kiosk's zone");
        assertEquals("https://guide.example:8443/queue/A012", own.statusUrl());
        QueueTicketData none = data.queueTicket(item, new AppointmentService.Ticket("A013", "C1", issued, 0, null));
        assertEquals("一楼大厅", none.windowHint());
    }

    @Test
    void acceptanceReceiptListsTheMaterialsKeptAndThePromisedDate() {
        Resident r = new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, null);
        var queued = new OneCertificateService.Submission(Optional.empty(), true, "Q-1");
        AcceptanceReceiptData d = data.acceptanceReceipt(item, r, queued, "Q-1");
        assertEquals(List.of("身份证"), d.received().stream().map(org.zizhu.print.Material::name).toList());
        assertEquals("电子证照", d.received().get(0).form());
        assertEquals(LocalDate.of(2026, 11, 28), d.promisedDate(), "today plus the promised days when the centre gave none");
        assertEquals("https://guide.example:8443/cases/Q-1", d.statusUrl());
        var accepted = new OneCertificateService.Submission(Optional.of(new OneCertificateService.CaseReceipt("ZS-9", "C1",
                "ACCEPTED", Instant.EPOCH, LocalDate.of(2026, 12, 2))), false, "ZS-9");
        assertEquals(LocalDate.of(2026, 12, 2), data.acceptanceReceipt(item, r, accepted, "ZS-9").promisedDate());
    }

    @Test
    void theCommitmentLetterCarriesTheSignatureAsAPrivateCopyAndFillsTheTemplate() {
        Resident r = new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, null);
        byte[] signature = org.zizhu.print.SampleDocuments.signaturePng();
        var missing = List.of(new org.zizhu.print.PendingMaterial("承诺书", LocalDate.of(2026, 12, 25)));
        org.zizhu.print.CommitmentLetterData letter = data.commitmentLetter(item, r, "ZS-9", missing, signature);
        assertEquals("ZS-9", letter.caseNumber());
        assertEquals(item.name().zh(), letter.itemName());
        assertEquals("张三", letter.applicantName(), "signed by hand: the full name");
        assertEquals(item.implementingBody().zh(), letter.office());
        assertEquals(LocalDate.of(2026, 11, 25), letter.date(), "today in the kiosk's zone");
        assertEquals(missing, letter.missing());
        org.junit.jupiter.api.Assertions.assertArrayEquals(signature, letter.signaturePng());
        java.util.Arrays.fill(signature, (byte) 0); // the visit wipes its image: the letter has its own copy
        org.junit.jupiter.api.Assertions.assertNotEquals(0, letter.signaturePng()[1]);
        org.junit.jupiter.api.Assertions.assertFalse(letter.toString().contains("张三") || letter.toString().contains("1101"),
                letter.toString());

        var doc = org.zizhu.print.PrintTemplates.builtIn().fill(letter);
        var image = doc.blocks(org.zizhu.print.Output.RECEIPT).stream()
                .filter(b -> b instanceof org.zizhu.print.Block.Image).findFirst().orElseThrow();
        assertEquals(480, ((org.zizhu.print.Block.Image) image).image().getWidth(), "the drawn signature on the letter");
        org.junit.jupiter.api.Assertions.assertThrows(org.zizhu.print.TemplateDataException.class,
                () -> data.commitmentLetter(item, r, "ZS-9", missing, new byte[0]), "a wiped signature is not printed blank");
    }

    @Test
    void theNotificationCommitmentPrintsTheItemsConditionsAndTheSignature() throws Exception {
        var seed = org.zizhu.central.catalog.CatalogRepository.load(null, "https://zwfw.example.gov.cn",
                org.zizhu.central.contract.OpenApiContract.load());
        ItemDetail food = org.zizhu.kiosk.catalog.CatalogJson.item(seed.item("11150200MB1535080D011030100001").orElseThrow().deepCopy());
        Resident r = new Resident("张三", "11010519491231002X", Resident.Source.ID_CARD, null);
        byte[] signature = org.zizhu.print.SampleDocuments.signaturePng();
        var notice = data.notificationCommitment(food, r, "ZS-10", signature);
        assertEquals("ZS-10", notice.caseNumber());
        assertEquals("食品经营许可", notice.itemName());
        assertEquals(food.conditionsCommitment().orElseThrow().zh(), notice.conditions());
        assertEquals(food.implementingBody().zh(), notice.office());
        assertEquals(LocalDate.of(2026, 11, 25), notice.date());
        java.util.Arrays.fill(signature, (byte) 0); // the visit wipes its image: the letter has its own copy
        org.junit.jupiter.api.Assertions.assertNotEquals(0, notice.signaturePng()[1]);
        org.junit.jupiter.api.Assertions.assertFalse(notice.toString().contains("张三") || notice.toString().contains("1101"));

        var doc = org.zizhu.print.PrintTemplates.builtIn().fill(notice);
        var blocks = doc.blocks(org.zizhu.print.Output.RECEIPT);
        org.junit.jupiter.api.Assertions.assertTrue(blocks.stream().anyMatch(b -> b instanceof org.zizhu.print.Block.Title t
                && t.text().equals("告知承诺书")), blocks.toString());
        org.junit.jupiter.api.Assertions.assertTrue(blocks.stream().anyMatch(b -> b instanceof org.zizhu.print.Block.Text t
                && t.text().equals(notice.conditions())), "the conditions as the catalogue states them");
        var image = blocks.stream().filter(b -> b instanceof org.zizhu.print.Block.Image).findFirst().orElseThrow();
        assertEquals(480, ((org.zizhu.print.Block.Image) image).image().getWidth(), "the drawn signature");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> data.notificationCommitment(item, r, "ZS-9", org.zizhu.print.SampleDocuments.signaturePng()),
                "an item without 告知承诺 has no 告知承诺书");
    }
}
