package org.zizhu.print;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zizhu.print.internal.Req;
import org.zizhu.privacy.Masking;

/**
 * 受理回执: what the resident takes home after submitting an application. The ID number is
 * given in full and masked here (1101**********002X); the name is masked too, since receipts
 * are often left behind at the kiosk.
 */
public record AcceptanceReceiptData(String caseNumber, String itemName, String itemCode, String applicantName,
                                    String applicantIdNumber, LocalDateTime acceptedAt, List<Material> received,
                                    List<PendingMaterial> acceptedUnderCommitment, int promisedWorkingDays,
                                    LocalDate promisedDate, String statusUrl, String office, String hotline,
                                    String enterpriseName, String enterpriseCreditCode)
        implements TemplateData {
    /** A resident's own application (no enterprise). */
    public AcceptanceReceiptData(String caseNumber, String itemName, String itemCode, String applicantName,
                                 String applicantIdNumber, LocalDateTime acceptedAt, List<Material> received,
                                 List<PendingMaterial> acceptedUnderCommitment, int promisedWorkingDays,
                                 LocalDate promisedDate, String statusUrl, String office, String hotline) {
        this(caseNumber, itemName, itemCode, applicantName, applicantIdNumber, acceptedAt, received, acceptedUnderCommitment,
                promisedWorkingDays, promisedDate, statusUrl, office, hotline, null, null);
    }

    /**
     * An application made for an enterprise (企业一码): the receipt is in the enterprise's name
     * and code (public register facts, printed in full), the applicant named as the acting person
     * (经办人), masked as on every receipt. Both or neither.
     */
    public AcceptanceReceiptData {
        enterpriseName = enterpriseName == null ? null : Req.text("enterprise.name", enterpriseName);
        enterpriseCreditCode = enterpriseCreditCode == null ? null : Req.text("enterprise.creditCode", enterpriseCreditCode);
        if ((enterpriseName == null) != (enterpriseCreditCode == null)) {
            throw new TemplateDataException("enterprise", "name and credit code go together");
        }
        caseNumber = Req.text("caseNumber", caseNumber);
        itemName = Req.text("itemName", itemName);
        itemCode = Req.text("itemCode", itemCode);
        applicantName = Req.text("applicant.name", applicantName);
        applicantIdNumber = Req.idNumber("applicant.idNumber", applicantIdNumber);
        Req.present("acceptedAt", acceptedAt);
        received = Req.list("received", received);
        acceptedUnderCommitment = Req.list("acceptedUnderCommitment", acceptedUnderCommitment);
        promisedWorkingDays = Req.positive("promisedWorkingDays", promisedWorkingDays);
        Req.present("promisedDate", promisedDate);
        statusUrl = Req.url("statusUrl", statusUrl);
        office = Req.text("office", office);
        hotline = Req.text("hotline", hotline);
    }

    @Override
    public String templateName() {
        return "acceptance-receipt";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNumber", caseNumber);
        m.put("item", Map.of("name", itemName, "code", itemCode));
        m.put("applicant", Map.of("name", Masking.name(applicantName), "idMasked", Masking.idNumber(applicantIdNumber)));
        m.put("acceptedAt", Req.dateTime(acceptedAt));
        List<Object> r = new ArrayList<>();
        received.forEach(x -> r.add(x.toModel()));
        m.put("received", r);
        List<Object> p = new ArrayList<>();
        acceptedUnderCommitment.forEach(x -> p.add(x.toModel()));
        m.put("pending", p);
        m.put("promisedWorkingDays", String.valueOf(promisedWorkingDays));
        m.put("promisedDate", Req.date(promisedDate));
        m.put("statusUrl", statusUrl);
        m.put("office", office);
        m.put("hotline", hotline);
        if (enterpriseName != null) {
            m.put("enterprise", Map.of("name", enterpriseName, "creditCode", enterpriseCreditCode));
        }
        return m;
    }
}
