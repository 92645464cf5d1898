package org.zizhu.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * JDK DOM parsing of the XML files inside an untrusted OFD package, and the few navigation
 * helpers the verifier needs.
 *
 * <p>No DTDs at all (so no external entities, no entity expansion bombs), secure processing on,
 * and a nesting bound: DOM is built iteratively, but walking a tree recursively (as
 * {@code getTextContent} does) would overflow the stack on a 100 000-deep document. The helpers
 * here only ever look at direct children.
 */
final class SafeXml {
    /** The OFD namespace (GB/T 33190 §7.1). */
    static final String OFD_NS = "http://www.ofdspec.org/2016";
    private static final int MAX_DEPTH = 64;

    private static final DocumentBuilderFactory DBF = factory();
    /** A builder per thread: making one costs more than parsing a small Signature.xml. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e; // the default handler would also print it to stderr
        }
    };

    private SafeXml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new ExceptionInInitializerError(e);
        }
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder b = DBF.newDocumentBuilder();
            b.setErrorHandler(THROWING);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root element of {@code entry}, which must be in the OFD namespace with that local name. */
    static Element parse(OfdArchive archive, String entry, String rootName) throws OfdException {
        byte[] bytes = archive.required(entry);
        DocumentBuilder b = BUILDER.get();
        Element root;
        try {
            b.reset();
            b.setErrorHandler(THROWING);
            root = b.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (SAXException | IOException | RuntimeException e) {
            throw new OfdException(OfdException.Reason.MALFORMED, "unreadable XML " + entry, e);
        }
        if (!is(root, rootName)) {
            throw new OfdException(OfdException.Reason.MALFORMED, entry + " is not an ofd:" + rootName);
        }
        return root;
    }

    static boolean is(Node n, String localName) {
        return n instanceof Element && OFD_NS.equals(n.getNamespaceURI()) && localName.equals(n.getLocalName());
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, localName)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The only child of that name, or null; two of them is MALFORMED (which one would count?). */
    static Element child(Element parent, String localName) throws OfdException {
        List<Element> c = children(parent, localName);
        if (c.size() > 1) {
            throw new OfdException(OfdException.Reason.MALFORMED, "repeated ofd:" + localName);
        }
        return c.isEmpty() ? null : c.get(0);
    }

    static Element required(Element parent, String localName) throws OfdException {
        Element e = child(parent, localName);
        if (e == null) {
            throw new OfdException(OfdException.Reason.MALFORMED, "missing ofd:" + localName);
        }
        return e;
    }

    /** The element's own text (direct text children only, trimmed): never recursive. */
    static String text(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString().trim();
    }

    /** Text of the only child of that name, or null. */
    static String childText(Element parent, String localName) throws OfdException {
        Element c = child(parent, localName);
        return c == null ? null : text(c);
    }
}
