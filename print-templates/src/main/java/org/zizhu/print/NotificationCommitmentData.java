package org.zizhu.print;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.print.internal.Req;
import org.zizhu.privacy.Masking;

/**
 * 告知承诺书: under 告知承诺制 the office told the applicant the approval conditions
 * ({@code conditions}, the catalogue's text, with the consequence of a false commitment) and the
 * applicant committed in writing that they meet them; the office decides without the proofs and
 * checks afterwards. Like the 容缺 letter it is signed by hand, so the full name is printed and the
 * ID number masked; {@code signaturePng} is the signature drawn on the touchscreen (null: a line
 * to sign on paper).
 */
public record NotificationCommitmentData(String caseNumber, String itemName, String applicantName,
                                         String applicantIdNumber, String conditions, String office, LocalDate date,
                                         byte[] signaturePng) implements TemplateData {
    public NotificationCommitmentData {
        caseNumber = Req.text("caseNumber", caseNumber);
        itemName = Req.text("itemName", itemName);
        applicantName = Req.text("applicant.name", applicantName);
        applicantIdNumber = Req.idNumber("applicant.idNumber", applicantIdNumber);
        conditions = Req.text("conditions", conditions);
        office = Req.text("office", office);
        Req.present("date", date);
        if (signaturePng != null) {
            if (signaturePng.length == 0) {
                throw new TemplateDataException("signatureImage", "empty (the signature was wiped or never drawn)");
            }
            if (signaturePng.length > CommitmentLetterData.MAX_SIGNATURE_BYTES) {
                throw new TemplateDataException("signatureImage", "larger than " + CommitmentLetterData.MAX_SIGNATURE_BYTES / 1024 + " KiB");
            }
            // A copy: the caller's array is the visit's, wiped at its end; this one goes with the print job.
            signaturePng = signaturePng.clone();
        }
    }

    /** A copy of the signature (null when the letter is signed on paper). */
    @Override
    public byte[] signaturePng() {
        return signaturePng == null ? null : signaturePng.clone();
    }

    @Override
    public String templateName() {
        return "notification-commitment";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNumber", caseNumber);
        m.put("itemName", itemName);
        m.put("applicant", Map.of("name", applicantName, "idMasked", Masking.idNumber(applicantIdNumber)));
        m.put("conditions", conditions);
        m.put("office", office);
        m.put("date", Req.date(date));
        if (signaturePng != null) {
            m.put("signatureImage", signaturePng.clone());
        }
        return m;
    }

    /** Names the applicant, their ID number and their signature: none of them in a log line. */
    @Override
    public String toString() {
        return "NotificationCommitmentData[" + caseNumber + ", " + (signaturePng == null ? "to sign on paper" : "signed") + "]";
    }
}
