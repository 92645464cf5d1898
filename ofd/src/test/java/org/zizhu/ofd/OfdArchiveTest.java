package org.zizhu.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.zizhu.ofd.OfdException.Reason;

class OfdArchiveTest {
    private static final byte[] OFD_XML = "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8);

    private static Reason refused(byte[] zip) {
        OfdException e = assertThrows(OfdException.class, () -> OfdArchive.read(zip));
        return e.reason();
    }

    private static Map<String, byte[]> withOfdXml() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("OFD.xml", OFD_XML);
        return m;
    }

    @Test
    void readsAWellFormedPackage() throws Exception {
        Map<String, byte[]> m = withOfdXml();
        m.put("Doc_0/Document.xml", new byte[] {1, 2});
        OfdArchive a = OfdArchive.read(Fixtures.zip(m));
        assertEquals(2, a.names().size());
        assertArrayEquals(new byte[] {1, 2}, a.required("/Doc_0/Document.xml"));
        assertTrue(a.entry("missing").isEmpty());
        assertEquals(Reason.MALFORMED, assertThrows(OfdException.class, () -> a.required("missing")).reason());
    }

    @Test
    void aZipBombIsRefused() {
        // 5 MB of zeros deflate to a few KB: one entry over the per-entry bound.
        Map<String, byte[]> m = withOfdXml();
        m.put("Doc_0/Res/bomb.bin", new byte[OfdArchive.MAX_ENTRY_BYTES + 1]);
        byte[] zip = Fixtures.zip(m);
        assertTrue(zip.length < 64 * 1024, "the bomb is small on the wire: " + zip.length);
        assertEquals(Reason.MALFORMED, refused(zip));
    }

    @Test
    void manyEntriesEachUnderTheBoundButTogetherOverTheTotalAreRefused() {
        Map<String, byte[]> m = withOfdXml();
        for (int i = 0; i < 5; i++) {
            m.put("Doc_0/Res/part" + i, new byte[OfdArchive.MAX_ENTRY_BYTES - 1]);
        }
        assertEquals(Reason.MALFORMED, refused(Fixtures.zip(m)));
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> m = withOfdXml();
        for (int i = 0; i < OfdArchive.MAX_ENTRIES + 1; i++) {
            m.put("Doc_0/Res/f" + i, new byte[] {(byte) i});
        }
        assertEquals(Reason.MALFORMED, refused(Fixtures.zip(m)));
    }

    @Test
    void duplicateNamesAreRefused() throws IOException {
        // ZipOutputStream will not write two entries of one name: write "Doc_0/A.xml" and
        // "Doc_0/B.xml" and rename the second in the bytes, as a hostile producer would.
        Map<String, byte[]> m = withOfdXml();
        m.put("Doc_0/A.xml", new byte[] {1});
        m.put("Doc_0/B.xml", new byte[] {2});
        byte[] zip = Fixtures.zip(m);
        String s = new String(zip, StandardCharsets.ISO_8859_1).replace("Doc_0/B.xml", "Doc_0/A.xml");
        assertEquals(Reason.MALFORMED, refused(s.getBytes(StandardCharsets.ISO_8859_1)));
        // and with a leading slash, which names the same entry
        s = new String(Fixtures.zip(Map.of("OFD.xml", OFD_XML, "/OFD.xml", OFD_XML)), StandardCharsets.ISO_8859_1);
        assertEquals(Reason.MALFORMED, refused(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void namesThatClimbOutAreRefused() {
        for (String bad : new String[] {"../evil.xml", "Doc_0/../../evil.xml", "Doc_0/./x", "Doc_0//x", "a\\b"}) {
            Map<String, byte[]> m = withOfdXml();
            m.put(bad, new byte[] {1});
            assertEquals(Reason.MALFORMED, refused(Fixtures.zip(m)), bad);
        }
    }

    @Test
    void notAZipIsRefused() {
        assertEquals(Reason.MALFORMED, refused("%PDF-1.7 this is not a zip at all, but long enough".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Reason.MALFORMED, refused(new byte[0]));
        assertEquals(Reason.MALFORMED, refused(null));
        assertEquals(Reason.MALFORMED, refused(new byte[OfdArchive.MAX_PACKAGE_BYTES + 1]));
    }

    @Test
    void aPackageWithoutOfdXmlIsRefused() {
        assertEquals(Reason.MALFORMED, refused(Fixtures.zip(Map.of("Doc_0/Document.xml", OFD_XML))));
    }

    @Test
    void aZipWithATruncatedEntryIsRefused() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("OFD.xml"));
            z.write(new byte[10_000]);
            z.closeEntry();
        }
        byte[] all = b.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(all, all.length / 3);
        assertEquals(Reason.MALFORMED, refused(cut));
    }

    @Test
    void locationsResolveInsideThePackageOnly() throws Exception {
        assertEquals("Doc_0/Pages/Page_0/Content.xml", OfdArchive.resolve("Doc_0/Document.xml", "Pages/Page_0/Content.xml"));
        assertEquals("Doc_0/Res/f.ttf", OfdArchive.resolve("Doc_0/Document.xml", "/Doc_0/Res/f.ttf"));
        assertEquals("Doc_0/Res/f.ttf", OfdArchive.resolve("Doc_0/Signs/Sign_0/Signature.xml", "../../Res/f.ttf"));
        assertEquals(Reason.MALFORMED, assertThrows(OfdException.class, () -> OfdArchive.resolve("OFD.xml", "../x")).reason());
        assertEquals(Reason.MALFORMED, assertThrows(OfdException.class, () -> OfdArchive.resolve("OFD.xml", " ")).reason());
        assertEquals(Reason.MALFORMED, assertThrows(OfdException.class, () -> OfdArchive.resolve("OFD.xml", "/")).reason());
    }
}
