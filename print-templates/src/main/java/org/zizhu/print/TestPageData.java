package org.zizhu.print;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.print.internal.Req;

/**
 * Technician test page: terminal id, software version, a character sample including rare
 * characters outside GBK (printed as raster on receipts) and a QR code to check alignment.
 */
public record TestPageData(String terminalId, String softwareVersion, String printerName, LocalDateTime printedAt)
        implements TemplateData {
    /** The fixed QR payload of the test page, so a technician's phone (and the tests) can check it. */
    public static final String QR_PREFIX = "ZIZHU-TEST:";

    public TestPageData {
        terminalId = Req.text("terminalId", terminalId);
        softwareVersion = Req.text("softwareVersion", softwareVersion);
        printerName = Req.text("printerName", printerName);
        Req.present("printedAt", printedAt);
    }

    @Override
    public String templateName() {
        return "test-page";
    }

    @Override
    public Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("terminalId", terminalId);
        m.put("softwareVersion", softwareVersion);
        m.put("printerName", printerName);
        m.put("printedAt", Req.dateTime(printedAt));
        m.put("qr", QR_PREFIX + terminalId);
        return m;
    }
}
