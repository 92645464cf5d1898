package org.zizhu.print;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zizhu.print.internal.Req;
import org.zizhu.privacy.Masking;

/**
 * 容缺受理承诺书: the resident promises to hand in the missing minor materials by their due
 * dates. It is signed by hand, so the full name is printed; the ID number is still masked.
 * {@code signaturePng} is the handwritten signature the resident drew on the touchscreen,
 * printed at 承诺人（签字）; null prints a line to sign on paper instead.
 */
public record CommitmentLetterData(String caseNumber, String itemName, String applicantName,
                                   String applicantIdNumber, List<PendingMaterial> missing, String office,
                                   LocalDate date, byte[] signaturePng) implements TemplateData {
    /** The contract's bound on a drawn signature. */
    public static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    public CommitmentLetterData {
        caseNumber = Req.text("caseNumber", caseNumber);
        itemName = Req.text("itemName", itemName);
        applicantName = Req.text("applicant.name", applicantName);
        applicantIdNumber = Req.idNumber("applicant.idNumber", applicantIdNumber);
        missing = Req.list("missing", missing);
        if (missing.isEmpty()) {
            throw new TemplateDataException("missing", "a commitment letter needs at least one missing material");
        }
        office = Req.text("office", office);
        Req.present("date", date);
        if (signaturePng != null) {
            if (signaturePng.length == 0) {
                throw new TemplateDataException("signatureImage", "empty (the signature was wiped or never drawn)");
            }
            if (signaturePng.length > MAX_SIGNATURE_BYTES) {
                throw new TemplateDataException("signatureImage", "larger than " + MAX_SIGNATURE_BYTES / 1024 + " KiB");
            }
            // A copy: the caller's array is the visit's, wiped at its end; the letter's copy goes with the print job.
            signaturePng = signaturePng.clone();
        }
    }

    /** A letter to be signed on paper (no drawn signature). */
    public CommitmentLetterData(String caseNumber, String itemName, String applicantName, String applicantIdNumber,
                                List<PendingMaterial> missing, String office, LocalDate date) {
        this(caseNumber, itemName, applicantName, applicantIdNumber, missing, office, date, null);
    }

    /** A copy of the signature (null when the letter is signed on paper). */
    @Override
    public byte[] signaturePng() {
        return signaturePng == null ? null : signaturePng.clone();
    }

    @Override
    public String templateName() {
        return "commitment-letter";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNumber", caseNumber);
        m.put("itemName", itemName);
        m.put("applicant", Map.of("name", applicantName, "idMasked", Masking.idNumber(applicantIdNumber)));
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            Map<String, Object> mm = missing.get(i).toModel();
            mm.put("no", String.valueOf(i + 1));
            l.add(mm);
        }
        m.put("missing", l);
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
        return "CommitmentLetterData[" + caseNumber + ", " + missing.size() + " missing, "
                + (signaturePng == null ? "to sign on paper" : "signed") + "]";
    }
}
