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

    /** The labelled fields of a filled document, label to value, in order. */
    private static Map<String, String> fields(PrintDocument doc) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Block b : doc.blocks(Output.RECEIPT)) {
            if (b instanceof Block.Field f) {
                out.put(f.label(), f.value());
            }
        }
        return out;
    }

    @Test
    void anEnterprisesReceiptNamesItAndTheActingPersonMasked() {
        AcceptanceReceiptData r = SampleDocuments.acceptanceReceipt();
        AcceptanceReceiptData forEnterprise = new AcceptanceReceiptData(r.caseNumber(), r.itemName(), r.itemCode(),
                r.applicantName(), r.applicantIdNumber(), r.acceptedAt(), r.received(), r.acceptedUnderCommitment(),
                r.promisedWorkingDays(), r.promisedDate(), r.statusUrl(), r.office(), r.hotline(),
                "包头市鹿城智联科技有限公司", "91150203MA0N7LC8XD");
        Map<String, String> f = fields(templates.fill(forEnterprise));
        assertEquals("包头市鹿城智联科技有限公司", f.get("申请单位"));
        assertEquals("91150203MA0N7LC8XD", f.get("统一社会信用代码"));
        assertEquals("王**", f.get("经办人"));
        assertFalse(f.containsKey("申请人"), "the enterprise is the applicant");
        assertFalse(f.get("证件号码").contains(r.applicantIdNumber().substring(6, 14)), "masked");

        Map<String, String> own = fields(templates.fill(r));
        assertEquals("王**", own.get("申请人"));
        assertFalse(own.containsKey("申请单位") || own.containsKey("经办人"), "a resident's own receipt is unchanged");

        assertThrows(TemplateDataException.class, () -> new AcceptanceReceiptData(r.caseNumber(), r.itemName(), r.itemCode(),
                r.applicantName(), r.applicantIdNumber(), r.acceptedAt(), r.received(), r.acceptedUnderCommitment(),
                r.promisedWorkingDays(), r.promisedDate(), r.statusUrl(), r.office(), r.hotline(), "某公司", null),
                "a name without its code");
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

    /** A valid PNG's bytes with {@code edit} applied. */
    private static byte[] png(int w, int h, java.util.function.Consumer<byte[]> edit) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        byte[] b = out.toByteArray();
        edit.accept(b);
        return b;
    }

    private TemplateDataException letterWith(Object signature) {
        Map<String, Object> m = copy(SampleDocuments.commitmentLetter().toModel());
        m.put("signatureImage", signature);
        return assertThrows(TemplateDataException.class, () -> templates.fill("commitment-letter", m));
    }

    @Test
    void aMalformedOrOversizedSignatureIsNamedNeverDecodedBlindly() throws Exception {
        // Truncated in the middle of its pixel data.
        byte[] good = SampleDocuments.signaturePng();
        TemplateDataException truncated = letterWith(java.util.Arrays.copyOf(good, good.length / 2));
        assertEquals("signatureImage", truncated.field());
        assertTrue(truncated.getMessage().contains("not a readable PNG or JPEG"), truncated.getMessage());
        // A PNG signature followed by garbage; a GIF (readable, but not a format the templates take).
        assertEquals("signatureImage", letterWith(png(8, 8, b -> java.util.Arrays.fill(b, 8, b.length, (byte) 0x5A))).field());
        byte[] gif = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==");
        assertTrue(letterWith(gif).getMessage().contains("not a PNG or JPEG"));
        // A tiny file whose header claims 60000 x 60000 pixels: refused from the header, nothing decoded.
        byte[] bomb = png(1, 1, b -> {
            java.nio.ByteBuffer.wrap(b, 16, 8).putInt(60000).putInt(60000); // IHDR width, height
        });
        TemplateDataException big = letterWith(bomb);
        assertTrue(big.getMessage().contains("4000x4000"), big.getMessage());
        assertTrue(letterWith(new byte[PrintTemplates.MAX_IMAGE_BYTES + 1]).getMessage().contains("KiB"));
        assertTrue(letterWith(new byte[0]).getMessage().contains("empty"));
        assertTrue(letterWith("a string").getMessage().contains("expected image bytes"));

        // The record refuses an empty or oversized signature itself and keeps it out of toString.
        var d = SampleDocuments.commitmentLetter();
        assertEquals("signatureImage", assertThrows(TemplateDataException.class, () -> new CommitmentLetterData(d.caseNumber(),
                d.itemName(), d.applicantName(), d.applicantIdNumber(), d.missing(), d.office(), d.date(), new byte[0])).field());
        assertEquals("signatureImage", assertThrows(TemplateDataException.class, () -> new CommitmentLetterData(d.caseNumber(),
                d.itemName(), d.applicantName(), d.applicantIdNumber(), d.missing(), d.office(), d.date(),
                new byte[CommitmentLetterData.MAX_SIGNATURE_BYTES + 1])).field());
        String shown = d.toString();
        assertFalse(shown.contains(d.applicantName()) || shown.contains(d.applicantIdNumber()) || shown.contains("[B@"), shown);
        byte[] mine = SampleDocuments.signaturePng();
        CommitmentLetterData copyHeld = new CommitmentLetterData(d.caseNumber(), d.itemName(), d.applicantName(),
                d.applicantIdNumber(), d.missing(), d.office(), d.date(), mine);
        java.util.Arrays.fill(mine, (byte) 0); // the visit wipes its copy: the letter keeps its own
        assertTrue(templates.fill(copyHeld).blocks(Output.A4).stream().anyMatch(b -> b instanceof Block.Image));
    }

    @Test
    void imageBoxesAreBoundedInTheTemplate(@TempDir Path dir) throws Exception {
        for (String bad : List.of("width: 500", "width: 0", "height: 300", "width: 4.5", "height: big")) {
            Files.writeString(dir.resolve("license-copy.yaml"), "name: license-copy\ntitle: x\nblocks:\n  - image: sealImage\n    "
                    + bad + "\n");
            TemplateFormatException e = assertThrows(TemplateFormatException.class,
                    () -> PrintTemplates.withOverrides(dir).fill(SampleDocuments.licenseCopy()), bad);
            assertTrue(e.getMessage().contains("blocks[1]") && e.getMessage().contains("millimetres"), e.getMessage());
        }
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
