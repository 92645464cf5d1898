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
 */
public record CommitmentLetterData(String caseNumber, String itemName, String applicantName,
                                   String applicantIdNumber, List<PendingMaterial> missing, String office,
                                   LocalDate date) implements TemplateData {
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
        return m;
    }
}
