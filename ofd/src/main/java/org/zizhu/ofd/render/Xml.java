package org.zizhu.ofd.render;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.zizhu.ofd.OfdException;

/**
 * JDK DOM parsing of the OFD's XML parts from bytes, hardened: the documents come from outside,
 * so no DTD (which also stops entity expansion bombs), no external entities or schemas, and a
 * bounded element depth so a deeply nested file cannot exhaust the stack of the parser or ours.
 * Elements are matched by local name: OFD files use the {@code ofd:} prefix, but some producers
 * bind the namespace differently.
 */
final class Xml {
    static final int MAX_ELEMENT_DEPTH = 64;

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Xml::newBuilder);

    private Xml() {
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks a hardening feature", e);
        }
    }

    static Element parse(byte[] bytes, String what) throws OfdException {
        try {
            DocumentBuilder b = BUILDER.get();
            b.reset();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (Exception e) {
            // SAXException, IOException and the parser's runtime exceptions alike: the file is unusable.
            throw new OfdException(OfdException.Reason.MALFORMED, "unreadable XML " + what + ": " + e.getClass().getSimpleName());
        }
    }

    /** Direct element children with this local name. */
    static List<Element> children(Element e, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local.equals(c.getLocalName())) {
                out.add(c);
            }
        }
        return out;
    }

    /** All direct element children, in document order. */
    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    static Element child(Element e, String local) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    /** Follows a path of direct children; null when any step is missing. */
    static Element path(Element e, String... locals) {
        Element cur = e;
        for (String l : locals) {
            if (cur == null) {
                return null;
            }
            cur = child(cur, l);
        }
        return cur;
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }

    /** The attribute, or null when absent (DOM gives "" for absent). */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
