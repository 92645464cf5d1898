package org.zizhu.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.print.a4.A4PdfRenderer;

/** Missing or malformed data is rejected before any byte is produced, naming the field. */
class TemplateDataTest {
    private final PrintTemplates templates = PrintTemplates.builtIn();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> c = new HashMap<>();
        m.forEach((k, v) -> c.put(k, v instanceof Map<?, ?> mm ? copy((Map<String, Object>) mm) : v));
        return c;
    }

    @Test
    void everyBuiltInTemplateParses() {
        templates.preload(PrintTemplates.BUILT_IN);
        for (TemplateData d : SampleDocuments.all()) {
            assertFalse(templates.fill(d).entries().isEmpty(), d.templateName());
        }
    }

    @Test
    void missingTopLevelFieldIsNamed() {
        Map<String, Object> m = copy(SampleDocuments.acceptanceReceipt().toModel());
        m.remove("caseNumber");
        TemplateDataException e = assertThrows(TemplateDataException.class, () -> templates.fill("acceptance-receipt", m));
        assertEquals("caseNumber", e.field());
    }

    @SuppressWarnings("unchecked")
    @Test
    void missingNestedAndListFieldsAreNamed() {
        Map<String, Object> m = copy(SampleDocuments.acceptanceReceipt().toModel());
        ((Map<String, Object>) m.get("applicant")).remove("idMasked");
        assertEquals("applicant.idMasked",
                assertThrows(TemplateDataException.class, () -> templates.fill("acceptance-receipt", m)).field());

        Map<String, Object> m2 = copy(SampleDocuments.acceptanceReceipt().toModel());
        List<Object> received = new ArrayList<>((List<Object>) m2.get("received"));
        Map<String, Object> second = new HashMap<>((Map<String, Object>) received.get(1));
        second.remove("form");
        received.set(1, second);
        m2.put("received", received);
        assertEquals("received[1].form",
                assertThrows(TemplateDataException.class, () -> templates.fill("acceptance-receipt", m2)).field());

        Map<String, Object> m3 = copy(SampleDocuments.acceptanceReceipt().toModel());
        m3.put("received", "not a list");
        assertEquals("received", assertThrows(TemplateDataException.class, () -> templates.fill("acceptance-receipt", m3)).field());
    }

    @Test
    void recordsValidateAndNeverEchoValues() {
        TemplateDataException e = assertThrows(TemplateDataException.class, () -> new AcceptanceReceiptData("C1", "item",
                "code", "张三", "12345", SampleDocuments.AT, List.of(), List.of(), 5, SampleDocuments.AT.toLocalDate(),
                "https://x.example/c", "office", "12345"));
        assertEquals("applicant.idNumber", e.field());
        assertFalse(e.getMessage().contains("12345\""));
        assertEquals("statusUrl", assertThrows(TemplateDataException.class, () -> new QueueTicketData("A1", "i", "h", 0,
                SampleDocuments.AT, null, "javascript:alert(1)")).field());
        assertEquals("missing", assertThrows(TemplateDataException.class, () -> new CommitmentLetterData("C", "i", "n",
                SampleDocuments.SAMPLE_ID, List.of(), "o", SampleDocuments.AT.toLocalDate())).field());
    }

    @Test
    void brokenImageAndOverlongQrAreNamed() {
        Map<String, Object> m = copy(SampleDocuments.licenseCopy().toModel());
        m.put("sealImage", new byte[] {1, 2, 3});
        assertEquals("sealImage", assertThrows(TemplateDataException.class, () -> templates.fill("license-copy", m)).field());
        Map<String, Object> m2 = copy(SampleDocuments.licenseCopy().toModel());
        m2.put("verifyUrl", "https://x/" + "a".repeat(1200));
        assertEquals("verifyUrl", assertThrows(TemplateDataException.class, () -> templates.fill("license-copy", m2)).field());
    }

    @Test
    void unprintableCharacterFailsBeforeOutput() {
        Map<String, Object> m = copy(SampleDocuments.queueTicket().toModel());
        m.put("itemName", "不动产登记" + Character.toString(0x10FFFD)); // private use: no font has it
        PrintDocument doc = templates.fill("queue-ticket", m);
        TemplateDataException e = assertThrows(TemplateDataException.class, () -> new A4PdfRenderer().render(doc));
        assertEquals("itemName", e.field());
        assertTrue(e.getMessage().contains("U+10FFFD"), e.getMessage());
    }

    @Test
    void brokenTemplateFileIsReportedWithItsPlace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("queue-ticket.yaml"), "name: queue-ticket\ntitle: x\nblocks:\n  - txet: hello\n");
        TemplateFormatException e = assertThrows(TemplateFormatException.class,
                () -> PrintTemplates.withOverrides(dir).fill(SampleDocuments.queueTicket()));
        assertTrue(e.getMessage().contains("blocks[1]") && e.getMessage().contains("txet"), e.getMessage());
        Files.writeString(dir.resolve("queue-ticket.yaml"), "name: queue-ticket\ntitle: 改\nblocks:\n  - text: \"号码 {{ticketNumber}}\"\n");
        PrintDocument d = PrintTemplates.withOverrides(dir).fill(SampleDocuments.queueTicket());
        assertEquals("号码 A015", ((Block.Text) d.blocks(Output.A4).get(0)).text());
    }
}
