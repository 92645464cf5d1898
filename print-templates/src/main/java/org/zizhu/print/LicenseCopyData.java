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
 * 电子证照打印件: a printed copy of an electronic license with the issuer's seal image, a
 * verification QR code and the watermark "此件由××机构提供，仅供办理政务服务事项时使用".
 * {@code entries} are the license's own fields (label, value) as the central platform sent them.
 */
public record LicenseCopyData(String licenseName, String licenseId, String holderName, String holderIdNumber,
                              String issuer, LocalDate issuedOn, List<Entry> entries, byte[] sealPng,
                              String verifyUrl, String provider, LocalDateTime printedAt) implements TemplateData {
    /** One field of the license. */
    public record Entry(String label, String value) {
        public Entry {
            label = Req.text("label", label);
            value = Req.text("value", value);
        }
    }

    public LicenseCopyData {
        licenseName = Req.text("licenseName", licenseName);
        licenseId = Req.text("licenseId", licenseId);
        holderName = Req.text("holder.name", holderName);
        holderIdNumber = Req.idNumber("holder.idNumber", holderIdNumber);
        issuer = Req.text("issuer", issuer);
        Req.present("issuedOn", issuedOn);
        entries = Req.list("entries", entries);
        if (sealPng == null || sealPng.length == 0) {
            throw new TemplateDataException("sealImage", "missing");
        }
        verifyUrl = Req.url("verifyUrl", verifyUrl);
        provider = Req.text("provider", provider);
        Req.present("printedAt", printedAt);
    }

    @Override
    public String templateName() {
        return "license-copy";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("licenseName", licenseName);
        m.put("licenseId", licenseId);
        m.put("holder", Map.of("name", holderName, "idMasked", Masking.idNumber(holderIdNumber)));
        m.put("issuer", issuer);
        m.put("issuedOn", Req.date(issuedOn));
        List<Object> e = new ArrayList<>();
        entries.forEach(x -> e.add(Map.of("label", x.label(), "value", x.value())));
        m.put("entries", e);
        m.put("sealImage", sealPng);
        m.put("verifyUrl", verifyUrl);
        m.put("provider", provider);
        m.put("printedAt", Req.dateTime(printedAt));
        return m;
    }
}
