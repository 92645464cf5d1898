package org.zizhu.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SafeXmlTest {
    private static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

    private static OfdArchive archive(String ofdXml) throws OfdException {
        return OfdArchive.read(Fixtures.zip(Map.of("OFD.xml", ofdXml.getBytes(StandardCharsets.UTF_8))));
    }

    private static void malformed(String xml) throws OfdException {
        OfdArchive a = archive(xml);
        assertEquals(OfdException.Reason.MALFORMED,
                assertThrows(OfdException.class, () -> SafeXml.parse(a, "OFD.xml", "OFD")).reason());
    }

    @Test
    void readsOfdElementsAndTheirOwnText() throws Exception {
        Element root = SafeXml.parse(archive("<ofd:OFD " + NS + "><ofd:DocBody><ofd:DocRoot> Doc_0/Document.xml </ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>"), "OFD.xml", "OFD");
        assertEquals("Doc_0/Document.xml", SafeXml.childText(SafeXml.required(root, "DocBody"), "DocRoot"));
    }

    @Test
    void refusesNestingBeyondTheBound() throws Exception {
        int depth = 1000;
        malformed("<ofd:OFD " + NS + ">" + "<ofd:X>".repeat(depth) + "</ofd:X>".repeat(depth) + "</ofd:OFD>");
    }

    @Test
    void refusesAnyDoctypeSoNoEntityIsExpanded() throws Exception {
        malformed("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<ofd:OFD " + NS + ">&lol2;</ofd:OFD>");
    }

    @Test
    void refusesTheRightNameInTheWrongNamespaceAndRepeatedChildren() throws Exception {
        malformed("<OFD xmlns=\"urn:other\"/>");
        Element root = SafeXml.parse(archive("<ofd:OFD " + NS + "><ofd:DocBody/><ofd:DocBody/></ofd:OFD>"), "OFD.xml", "OFD");
        assertEquals(OfdException.Reason.MALFORMED, assertThrows(OfdException.class, () -> SafeXml.child(root, "DocBody")).reason());
    }
}
