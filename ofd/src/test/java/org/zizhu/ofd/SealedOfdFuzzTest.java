package org.zizhu.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile variants of one genuine sealed licence. Each must be refused with an
 * {@link OfdException}, never another exception or error, never a hang; or, if it passes, every
 * entry must be byte-for-byte the genuine one (the mutation only touched zip bookkeeping the
 * seal does not cover). The seed is fixed so a failure can be replayed; the deadline is a hang
 * guard for the whole run, not a speed claim.
 */
class SealedOfdFuzzTest {
    private static final long SEED = 0x5EA1_0FDL;
    private static final int CASES = 2000;
    private static final String SV = "Doc_0/Signs/Sign_0/SignedValue.dat";
    private static final String SEAL = "Doc_0/Signs/Sign_0/Seal.esl";
    private static Fixtures f;
    private static Map<String, byte[]> genuineEntries;
    private static List<String> names;
    private static List<String> xmlNames;

    @BeforeAll
    static void make() {
        f = Fixtures.get();
        genuineEntries = Fixtures.unzip(f.genuine);
        names = new ArrayList<>(genuineEntries.keySet());
        xmlNames = names.stream().filter(n -> n.endsWith(".xml")).toList();
    }

    @Test
    void everyMutationEndsInOfdExceptionOrUnchangedContent() {
        Map<OfdException.Reason, Integer> reasons = new EnumMap<>(OfdException.Reason.class);
        int[] passed = {0};
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            Random r = new Random(SEED);
            Instant now = Instant.now();
            for (int i = 0; i < CASES; i++) {
                int kind = i % 10;
                String[] what = {""};
                byte[] mutated = mutate(kind, r, what);
                try {
                    VerifiedOfd v = SealedOfdVerifier.verify(mutated, f.trust, now);
                    passed[0]++;
                    for (Map.Entry<String, byte[]> e : genuineEntries.entrySet()) {
                        assertArrayEquals(e.getValue(), v.archive().required(e.getKey()), "case " + i + " " + what[0]);
                    }
                    assertEquals(genuineEntries.keySet(), v.archive().names(), "case " + i + " " + what[0]);
                } catch (OfdException e) {
                    reasons.merge(e.reason(), 1, Integer::sum);
                } catch (Throwable t) { // anything else, errors included, is the bug this test looks for
                    if (failures.size() < 10) {
                        failures.add("case " + i + " (" + what[0] + "): " + t);
                    }
                }
            }
        });
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        System.out.println("fuzz: " + CASES + " cases, passed unchanged " + passed[0] + ", refused " + reasons);
        // The mutations reach past the zip layer: the checks behind it each refuse something.
        assertTrue(reasons.getOrDefault(OfdException.Reason.TAMPERED, 0) > 100, reasons.toString());
        assertTrue(reasons.getOrDefault(OfdException.Reason.MALFORMED, 0) > 100, reasons.toString());
        assertTrue(reasons.size() >= 4, reasons.toString());
    }

    private static byte[] mutate(int kind, Random r, String[] what) throws IOException {
        byte[] g = f.genuine;
        switch (kind) {
            case 0 -> { // byte flips anywhere in the zip (most hit deflated data or CRCs)
                byte[] b = g.clone();
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
                what[0] = "zip flips";
                return b;
            }
            case 1 -> { // truncation
                int len = r.nextInt(g.length);
                what[0] = "truncate " + len;
                return java.util.Arrays.copyOf(g, len);
            }
            case 2 -> { // one entry's decompressed bytes flipped, zip rebuilt so CRCs are right
                String name = names.get(r.nextInt(names.size()));
                what[0] = "flip in " + name;
                return rezip(m -> {
                    byte[] b = m.get(name).clone();
                    int n = 1 + r.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                    m.put(name, b);
                });
            }
            case 3 -> { // an entry replaced by random bytes
                String name = names.get(r.nextInt(names.size()));
                byte[] junk = new byte[r.nextInt(3000)];
                r.nextBytes(junk);
                what[0] = "random bytes as " + name;
                return rezip(m -> m.put(name, junk));
            }
            case 4 -> { // an XML entry replaced by garbage XML in the OFD namespace
                String name = xmlNames.get(r.nextInt(xmlNames.size()));
                String xml = garbageXml(r);
                what[0] = "garbage XML as " + name;
                return rezip(m -> m.put(name, xml.getBytes(StandardCharsets.UTF_8)));
            }
            case 5 -> { // huge nesting, or a huge flat document, as an XML entry
                String name = xmlNames.get(r.nextInt(xmlNames.size()));
                boolean deep = r.nextBoolean();
                String xml = deep ? deepXml(r.nextInt(40) == 0 ? 100_000 : 50 + r.nextInt(2000)) : wideXml(500 + r.nextInt(5000));
                what[0] = (deep ? "deep" : "wide") + " XML as " + name;
                return rezip(m -> m.put(name, xml.getBytes(StandardCharsets.UTF_8)));
            }
            case 6 -> { // random ASN.1 as the signed value or the seal
                String name = r.nextBoolean() ? SV : SEAL;
                byte[] der = r.nextInt(10) == 0 ? deepDer(1000 + r.nextInt(100_000)) : randomDer(r, 0).toASN1Primitive().getEncoded();
                what[0] = "random DER as " + name;
                return rezip(m -> m.put(name, der));
            }
            case 7 -> { // the genuine signed value with one node of its tree replaced by random ASN.1
                what[0] = "grafted DER in " + SV;
                return rezip(m -> {
                    try {
                        ASN1Primitive p = ASN1Primitive.fromByteArray(m.get(SV));
                        int[] count = {0};
                        int target = r.nextInt(60);
                        m.put(SV, graft(p, count, target, r).toASN1Primitive().getEncoded("DER"));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            case 8 -> { // Signature.xml and OFD.xml edits at the places the verifier follows
                String[][] edits = {
                    {"Doc_0/Signs/Sign_0/Signature.xml", "FileRef=\"/Doc_0/Res/font.ttf\"", "FileRef=\"../../../etc/passwd\""},
                    {"Doc_0/Signs/Sign_0/Signature.xml", "CheckMethod=\"SM3\"", "CheckMethod=\"MD5\""},
                    {"Doc_0/Signs/Sign_0/Signature.xml", "/Doc_0/Signs/Sign_0/SignedValue.dat<", "/Doc_0/Signs/Sign_0/Signature.xml<"},
                    {"Doc_0/Signs/Signatures.xml", "Type=\"Seal\"", "Type=\"Sign\""},
                    {"Doc_0/Signs/Signatures.xml", "BaseLoc=\"/Doc_0/Signs/Sign_0/Signature.xml\"", "BaseLoc=\"/OFD.xml\""},
                    {"OFD.xml", "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", "<ofd:DocRoot>/</ofd:DocRoot>"},
                    {"OFD.xml", "<ofd:DocBody>", "<ofd:DocBody><ofd:DocRoot>x</ofd:DocRoot>"},
                    {"Doc_0/Document.xml", "Pages/Page_0/Content.xml", "Pages/Page_9/Content.xml"},
                    {"Doc_0/Attachments.xml", "zizhu-data.json", "../../OFD.xml"},
                };
                String[] e = edits[r.nextInt(edits.length)];
                what[0] = "edit " + e[0] + ": " + e[2];
                return rezip(m -> Fixtures.replace(m, e[0], e[1], e[2]));
            }
            default -> { // entries added, removed or renamed
                String name = names.get(r.nextInt(names.size()));
                int op = r.nextInt(3);
                what[0] = new String[] {"remove ", "rename ", "add beside "}[op] + name;
                return rezip(m -> {
                    switch (op) {
                        case 0 -> m.remove(name);
                        case 1 -> m.put("Doc_0/moved-" + r.nextInt(100), m.remove(name));
                        default -> m.put(name + ".bak", m.get(name));
                    }
                });
            }
        }
    }

    /**
     * The genuine entries, edited, zipped without compression: the fuzz loop zips thousands of
     * packages, and deflating the 200 KB font each time would be most of its run time.
     */
    private static byte[] rezip(java.util.function.Consumer<Map<String, byte[]>> edit) {
        Map<String, byte[]> m = new java.util.LinkedHashMap<>(genuineEntries);
        edit.accept(m);
        return Fixtures.zipStored(m);
    }

    private static String garbageXml(Random r) {
        String[] tags = {"OFD", "DocBody", "DocRoot", "Signatures", "Signature", "SignedInfo", "References", "Reference",
            "CheckValue", "SignedValue", "Seal", "BaseLoc", "Document", "Pages", "Page", "Attachments", "Attachment", "FileLoc"};
        String[] values = {"", "/", "..", "../x", "/OFD.xml", "Doc_0/Document.xml", "/Doc_0/Signs/Sign_0/SignedValue.dat",
            "/Doc_0/Signs/Sign_0/Signature.xml", "Seal", "SM3", "zizhu-data", "AAAA", "%%%", "\u0000"};
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        sb.append("<ofd:").append(tags[r.nextInt(tags.length)]).append(" xmlns:ofd=\"http://www.ofdspec.org/2016\">");
        List<String> open = new ArrayList<>();
        for (int k = 0; k < 5 + r.nextInt(40); k++) {
            int op = r.nextInt(4);
            if (op == 0 && !open.isEmpty()) {
                sb.append("</ofd:").append(open.remove(open.size() - 1)).append('>');
            } else if (op == 1) {
                sb.append(values[r.nextInt(values.length)].replace("\u0000", "&#0;").replace("%", "&amp;"));
            } else {
                String t = tags[r.nextInt(tags.length)];
                sb.append("<ofd:").append(t);
                if (r.nextBoolean()) {
                    sb.append(' ').append(new String[] {"BaseLoc", "FileRef", "Type", "Name", "CheckMethod"}[r.nextInt(5)])
                            .append("=\"").append(values[r.nextInt(values.length - 1)]).append('"');
                }
                sb.append('>');
                open.add(t);
            }
        }
        while (!open.isEmpty()) {
            sb.append("</ofd:").append(open.remove(open.size() - 1)).append('>');
        }
        if (r.nextInt(4) == 0) {
            sb.setLength(r.nextInt(sb.length())); // and sometimes not well-formed at all
        } else {
            sb.append(closeRoot(sb));
        }
        return sb.toString();
    }

    private static String closeRoot(StringBuilder sb) {
        int s = sb.indexOf("<ofd:", sb.indexOf("?>")) + 5;
        int e = sb.indexOf(" ", s);
        return "</ofd:" + sb.substring(s, e) + ">";
    }

    private static String deepXml(int depth) {
        StringBuilder sb = new StringBuilder(depth * 20);
        sb.append("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\">");
        sb.append("<ofd:DocBody>".repeat(depth));
        sb.append("</ofd:DocBody>".repeat(depth));
        return sb.append("</ofd:OFD>").toString();
    }

    private static String wideXml(int n) {
        StringBuilder sb = new StringBuilder("<ofd:Signatures xmlns:ofd=\"http://www.ofdspec.org/2016\">");
        for (int k = 0; k < n; k++) {
            sb.append("<ofd:Signature ID=\"").append(k).append("\" BaseLoc=\"/Doc_0/Signs/Sign_0/Signature.xml\"/>");
        }
        return sb.append("</ofd:Signatures>").toString();
    }

    private static byte[] deepDer(int depth) {
        // SEQUENCE headers with long-form lengths that all fit: valid shape except for depth.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int k = 0; k < depth; k++) {
            int rest = (depth - k - 1) * 6;
            b.write(0x30);
            b.write(0x84);
            b.write(rest >>> 24);
            b.write(rest >>> 16);
            b.write(rest >>> 8);
            b.write(rest);
        }
        return b.toByteArray();
    }

    private static ASN1Encodable randomDer(Random r, int depth) {
        int pick = r.nextInt(depth > 4 ? 8 : 11);
        byte[] content = new byte[r.nextInt(depth == 0 ? 200 : 40)];
        r.nextBytes(content);
        try {
            return switch (pick) {
                case 0 -> new org.bouncycastle.asn1.ASN1Integer(r.nextLong());
                case 1 -> new org.bouncycastle.asn1.DERBitString(content);
                case 2 -> new org.bouncycastle.asn1.DEROctetString(content);
                case 3 -> new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.156.10197.1." + r.nextInt(600));
                case 4 -> new org.bouncycastle.asn1.DERUTF8String("印章" + r.nextInt());
                case 5 -> new org.bouncycastle.asn1.DERIA5String("ES");
                case 6 -> new org.bouncycastle.asn1.ASN1GeneralizedTime(new java.util.Date(r.nextLong() % 4_000_000_000_000L));
                case 7 -> org.bouncycastle.asn1.DERNull.INSTANCE;
                default -> {
                    ASN1EncodableVector v = new ASN1EncodableVector();
                    for (int k = 0; k < r.nextInt(7); k++) {
                        v.add(randomDer(r, depth + 1));
                    }
                    yield pick == 10 ? new org.bouncycastle.asn1.DERTaggedObject(r.nextBoolean(), r.nextInt(4), new DERSequence(v))
                            : pick == 9 ? new DERSet(v) : new DERSequence(v);
                }
            };
        } catch (IllegalArgumentException e) {
            return new org.bouncycastle.asn1.DEROctetString(content);
        }
    }

    /** The tree with node number {@code target} (pre-order over sequences and sets) replaced. */
    private static ASN1Encodable graft(ASN1Encodable e, int[] count, int target, Random r) {
        if (count[0]++ == target) {
            return randomDer(r, 3);
        }
        ASN1Primitive p = e.toASN1Primitive();
        if (p instanceof ASN1Sequence s) {
            ASN1EncodableVector v = new ASN1EncodableVector();
            for (ASN1Encodable c : s) {
                v.add(graft(c, count, target, r));
            }
            return new DERSequence(v);
        }
        if (p instanceof ASN1Set s) {
            ASN1EncodableVector v = new ASN1EncodableVector();
            for (ASN1Encodable c : s) {
                v.add(graft(c, count, target, r));
            }
            return new DERSet(v);
        }
        return e;
    }
}
