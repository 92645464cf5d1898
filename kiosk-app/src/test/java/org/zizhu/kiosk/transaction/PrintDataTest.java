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
}
