package org.zizhu.ofd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.zizhu.ofd.issue.DocumentSpec;
import org.zizhu.ofd.issue.IssuingBody;
import org.zizhu.ofd.issue.OfdIssuer;
import org.zizhu.ofd.issue.SealAuthority;

/**
 * Real sealed documents made once per test JVM by the centre's own issuer (keys, seals, ofdrw
 * layout and signing take seconds cold), and zip surgery to make hostile variants of them.
 */
public final class Fixtures {
    public static final String DATA_JSON = "{\"type\":\"business-license\",\"uscc\":\"91110000MA01ABCD2X\",\"name\":\"紫竹示范科技有限公司\"}";

    public final SealAuthority ca;
    public final IssuingBody body;
    public final IssuingBody otherBody;
    public final IssuingBody expiredBody;
    public final IssuingBody foreignBody;
    public final TrustList trust;
    public final byte[] genuine;
    public final byte[] byExpiredBody;
    public final byte[] byForeignBody;
    public final Instant issuedAround;

    private static Fixtures instance;

    public static synchronized Fixtures get() {
        if (instance == null) {
            instance = new Fixtures();
        }
        return instance;
    }

    private Fixtures() {
        Instant now = Instant.now();
        issuedAround = now;
        ca = SealAuthority.generate();
        body = ca.issueBody("11110000MB0000001X", "紫竹市市场监督管理局", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)));
        otherBody = ca.issueBody("11110000MB0000002Y", "紫竹市公安局", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)));
        // Its certificate and seal ended yesterday: whatever it seals today is out of date.
        expiredBody = ca.issueBody("11110000MB0000003Z", "紫竹市民政局", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        SealAuthority foreign = SealAuthority.generate();
        foreignBody = foreign.issueBody("11110000MB0000001X", "紫竹市市场监督管理局", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)));
        trust = ca.trustList(List.of(body, otherBody, expiredBody));
        OfdIssuer issuer = new OfdIssuer();
        try {
            genuine = issuer.issue(spec(), body);
            byExpiredBody = issuer.issue(spec(), expiredBody);
            byForeignBody = issuer.issue(spec(), foreignBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocumentSpec spec() {
        return new DocumentSpec("营业执照（电子）", List.of(
                new DocumentSpec.Line("统一社会信用代码", "91110000MA01ABCD2X"),
                new DocumentSpec.Line("名称", "紫竹示范科技有限公司"),
                new DocumentSpec.Line("类型", "有限责任公司（自然人投资或控股）"),
                new DocumentSpec.Line("法定代表人", "张三"),
                new DocumentSpec.Line("住所", "紫竹市海淀区紫竹院路一号紫竹示范科技园区三号楼五层五零一室")),
                "紫竹市市场监督管理局", "ZZ-2026-000123", LocalDate.of(2026, 12, 2),
                "https://central.zizhu.example/verify/ZZ-2026-000123", DATA_JSON.getBytes(StandardCharsets.UTF_8));
    }

    /** The package's entries in order (directories left out), read without any bound. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(b)) {
            out.setLevel(java.util.zip.Deflater.BEST_SPEED); // the fuzz test zips thousands of packages
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** A zip with every entry STORED (CRC and sizes set, as the format requires). */
    static byte[] zipStored(Map<String, byte[]> entries) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setMethod(ZipEntry.STORED);
                z.setSize(e.getValue().length);
                z.setCompressedSize(e.getValue().length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(e.getValue());
                z.setCrc(crc.getValue());
                out.putNextEntry(z);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Unzip, let {@code edit} change the entries, zip again. */
    static byte[] rezip(byte[] ofd, Consumer<Map<String, byte[]>> edit) {
        Map<String, byte[]> m = unzip(ofd);
        edit.accept(m);
        return zip(m);
    }

    static String text(Map<String, byte[]> m, String name) {
        return new String(m.get(name), StandardCharsets.UTF_8);
    }

    /** Replace text in an entry; fails the test set-up if the text was not there. */
    static void replace(Map<String, byte[]> m, String name, String from, String to) {
        String s = text(m, name);
        if (!s.contains(from)) {
            throw new IllegalStateException(name + " does not contain " + from);
        }
        m.put(name, s.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }
}
