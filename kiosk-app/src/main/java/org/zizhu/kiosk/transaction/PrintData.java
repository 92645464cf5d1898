package org.zizhu.kiosk.transaction;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.services.AppointmentService;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.VerifiedDocument;
import org.zizhu.kiosk.session.EnterpriseIdentity;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.print.AcceptanceReceiptData;
import org.zizhu.print.CommitmentLetterData;
import org.zizhu.print.Material;
import org.zizhu.print.QueueTicketData;

/**
 * The one place where what the centre produced becomes print-template data: the certificate's
 * print-out's watermark and verification link, the acceptance receipt, the signed commitment letter and the queue ticket. Printed documents are in Chinese
 * (the templates are); the links point at the item's guide host.
 */
public final class PrintData {
    private final Clock clock;

    public PrintData(Clock clock) {
        this.clock = clock;
    }

    /** A queue ticket (walk-in 取号 or appointment check-in); the window is the item's place unless the centre names one. */
    public QueueTicketData queueTicket(ItemDetail item, AppointmentService.Ticket t) {
        Text window = t.window() != null ? t.window() : item.place();
        return new QueueTicketData(t.ticketNumber(), item.name().zh(), item.place().zh(), t.waitingAhead(),
                LocalDateTime.ofInstant(t.issuedAt(), clock.getZone()), window.zh(), link(item, "/queue/" + t.ticketNumber()));
    }

    /** The usage watermark the rules ask on every e-license print-out: the sealed document's own, else the issuing body's. */
    public static String watermark(VerifiedDocument doc) {
        String w = doc.content().path("watermark").asText("");
        return w.isBlank() ? "此件由" + doc.sealedBy() + "提供，仅供办理政务服务事项时使用" : w;
    }

    /**
     * What the print-out's QR code opens: the centre's verification page for this document with
     * the SHA-256 of the exact sealed bytes, so the page can tell a changed document.
     */
    public static String verificationLink(VerifiedDocument doc) {
        String base = doc.verificationUrl().isBlank() ? "https://zwfw.example.gov.cn/verify/" + doc.documentId() : doc.verificationUrl();
        return base + (base.contains("?") ? "&" : "?") + "h=" + doc.sha256();
    }

    public AcceptanceReceiptData acceptanceReceipt(ItemDetail item, Resident resident,
                                                   OneCertificateService.Submission submission, String reference) {
        return acceptanceReceipt(item, resident, submission, reference, List.of());
    }

    /**
     * The acceptance receipt (受理回执) of an application with the 容缺 materials still owed and
     * their due dates ({@code owed}; the centre's own list wins when it answered at once).
     */
    public AcceptanceReceiptData acceptanceReceipt(ItemDetail item, Resident resident,
                                                   OneCertificateService.Submission submission, String reference,
                                                   List<org.zizhu.print.PendingMaterial> owed) {
        return acceptanceReceipt(item, resident, submission, reference, null, owed);
    }

    /**
     * The receipt of an application whose materials were each resolved at the kiosk:
     * {@code received} lists them as provided (null: the catalogue's list, as for the one-certificate path).
     */
    public AcceptanceReceiptData acceptanceReceipt(ItemDetail item, Resident resident,
                                                   OneCertificateService.Submission submission, String reference,
                                                   List<Material> received, List<org.zizhu.print.PendingMaterial> owed) {
        return acceptanceReceipt(item, resident, submission, reference, received, owed, null);
    }

    /**
     * The receipt of an application made for {@code enterprise} (null: the resident's own): in the
     * enterprise's name and credit code, {@code resident} the acting person (经办人, masked).
     */
    public AcceptanceReceiptData acceptanceReceipt(ItemDetail item, Resident resident,
                                                   OneCertificateService.Submission submission, String reference,
                                                   List<Material> received, List<org.zizhu.print.PendingMaterial> owed,
                                                   EnterpriseIdentity enterprise) {
        List<org.zizhu.print.PendingMaterial> pending = submission.receipt()
                .filter(r -> !r.owed().isEmpty())
                .map(r -> r.owed().stream().map(o -> new org.zizhu.print.PendingMaterial(o.name(), o.dueDate())).toList())
                .orElse(owed);
        List<Material> onFile = received != null ? received : item.receivedMaterials().stream()
                .map(m -> new Material(m.name().zh(), Math.max(1, m.copies()),
                        m.kind() == CatalogModel.MaterialKind.E_LICENSE ? "电子证照" : "共享获取"))
                .toList();
        int days = item.promisedDays();
        LocalDate promised = submission.receipt().map(OneCertificateService.CaseReceipt::promisedBy)
                .orElse(LocalDate.now(clock).plusDays(days));
        return new AcceptanceReceiptData(reference, item.name().zh(), item.code(), resident.name(), resident.idNumber(),
                LocalDateTime.now(clock), onFile, pending, days, promised, link(item, "/cases/" + reference),
                item.implementingBody().zh(), "12345", enterprise == null ? null : enterprise.nameZh(),
                enterprise == null ? null : enterprise.creditCode());
    }

    /**
     * The signed 容缺受理承诺书 for materials the resident committed to hand in later: the
     * applicant as the centre verified them, the case number (or the outbox reference while the
     * application is queued), the materials with their due dates, the office that accepted it,
     * today's date, and the signature the resident drew (null: a line to sign on paper).
     */
    public CommitmentLetterData commitmentLetter(ItemDetail item, Resident applicant, String reference,
                                                 List<org.zizhu.print.PendingMaterial> missing, byte[] signaturePng) {
        return new CommitmentLetterData(reference, item.name().zh(), applicant.name(), applicant.idNumber(), missing,
                item.implementingBody().zh(), LocalDate.now(clock), signaturePng);
    }

    /**
     * The signed 告知承诺书 of an item decided under 告知承诺制: the applicant, the case number (or
     * the outbox reference while queued), the item's conditions as the catalogue states them (the
     * printed document is in Chinese, as the receipt), the office, today's date, and the signature
     * the resident drew (null: a line to sign on paper).
     */
    public org.zizhu.print.NotificationCommitmentData notificationCommitment(ItemDetail item, Resident applicant,
                                                                         String reference, byte[] signaturePng) {
        Text conditions = item.conditionsCommitment()
                .orElseThrow(() -> new IllegalArgumentException("item " + item.code() + " is not decided under 告知承诺制"));
        return new org.zizhu.print.NotificationCommitmentData(reference, item.name().zh(), applicant.name(),
                applicant.idNumber(), conditions.zh(), item.implementingBody().zh(), LocalDate.now(clock), signaturePng);
    }

    /** A link on the item's guide host (what the printed QR codes point at). */
    private static String link(ItemDetail item, String path) {
        URI guide = URI.create(item.guideUrl());
        return guide.getScheme() + "://" + guide.getAuthority() + path;
    }
}
