package org.zizhu.ofd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An OFD package (a zip, GB/T 33190 §7.1) read wholly into memory within fixed bounds.
 *
 * <p>Why in memory: ofdrw's {@code OFDReader} unzips into a temporary directory, and an
 * e-license is personal data that must never be in clear on disk. Why bounded: the bytes come
 * from the network (or a phone's QR code resolved by the centre) and may be hostile: a zip bomb,
 * thousands of entries, duplicate names that make two readers see different files, or names
 * that climb out of the package. Each is refused with {@link OfdException.Reason#MALFORMED}
 * before any XML is parsed.
 *
 * <p>Entry names are kept as in the zip, without a leading slash; {@link #resolve} turns the
 * locations OFD files use (absolute {@code /Doc_0/...} or relative to the referring file) into
 * those names.
 */
public final class OfdArchive {
    /** A one-page e-license with a subset font is about 100 KB; these leave room and stop bombs. */
    public static final int MAX_PACKAGE_BYTES = 8 * 1024 * 1024;
    public static final int MAX_ENTRIES = 256;
    public static final int MAX_ENTRY_BYTES = 4 * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;

    private final Map<String, byte[]> entries;

    private OfdArchive(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    public static OfdArchive read(byte[] zip) throws OfdException {
        if (zip == null || zip.length < 22) {
            throw new OfdException(OfdException.Reason.MALFORMED, "not a zip package");
        }
        if (zip.length > MAX_PACKAGE_BYTES) {
            throw new OfdException(OfdException.Reason.MALFORMED, "package over " + MAX_PACKAGE_BYTES + " bytes");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = name(e.getName());
                if (out.size() >= MAX_ENTRIES) {
                    throw new OfdException(OfdException.Reason.MALFORMED, "over " + MAX_ENTRIES + " entries");
                }
                byte[] data = readBounded(in, MAX_ENTRY_BYTES);
                total += data.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new OfdException(OfdException.Reason.MALFORMED, "expands over " + MAX_TOTAL_BYTES + " bytes");
                }
                if (out.putIfAbsent(name, data) != null) {
                    throw new OfdException(OfdException.Reason.MALFORMED, "duplicate entry " + name);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new OfdException(OfdException.Reason.MALFORMED, "unreadable zip: " + e.getClass().getSimpleName(), e);
        }
        if (!out.containsKey("OFD.xml")) {
            throw new OfdException(OfdException.Reason.MALFORMED, "no OFD.xml entry");
        }
        return new OfdArchive(Collections.unmodifiableMap(out));
    }

    private static String name(String raw) throws OfdException {
        String n = raw.startsWith("/") ? raw.substring(1) : raw;
        if (n.isEmpty() || n.length() > 255 || n.contains("\\") || n.contains("\0") || n.startsWith("/")) {
            throw new OfdException(OfdException.Reason.MALFORMED, "bad entry name");
        }
        for (String part : n.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new OfdException(OfdException.Reason.MALFORMED, "bad entry name");
            }
        }
        return n;
    }

    private static byte[] readBounded(InputStream in, int max) throws IOException, OfdException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (b.size() + n > max) {
                throw new OfdException(OfdException.Reason.MALFORMED, "entry over " + max + " bytes");
            }
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    /** Entry names, in package order. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** The entry's bytes (a copy), if present; {@code path} may start with a slash. */
    public Optional<byte[]> entry(String path) {
        byte[] b = entries.get(path.startsWith("/") ? path.substring(1) : path);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    /** The entry's bytes or MALFORMED: for files the document structure says must be there. */
    public byte[] required(String path) throws OfdException {
        return entry(path).orElseThrow(() -> new OfdException(OfdException.Reason.MALFORMED, "missing " + path));
    }

    /**
     * The entry name a location in {@code referrer} points at: absolute locations start at the
     * package root, relative ones at the referrer's directory (GB/T 33190 §7.5, ST_Loc).
     * Refuses a location that climbs out of the package.
     */
    public static String resolve(String referrer, String loc) throws OfdException {
        if (loc == null || loc.isBlank()) {
            throw new OfdException(OfdException.Reason.MALFORMED, "empty location");
        }
        String l = loc.trim().replace('\\', '/');
        String base;
        if (l.startsWith("/")) {
            base = "";
            l = l.substring(1);
        } else {
            int slash = referrer.lastIndexOf('/');
            base = slash < 0 ? "" : referrer.substring(0, slash);
        }
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : (base.isEmpty() ? l : base + "/" + l).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    throw new OfdException(OfdException.Reason.MALFORMED, "location climbs out of the package");
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        if (parts.isEmpty()) {
            throw new OfdException(OfdException.Reason.MALFORMED, "empty location");
        }
        return String.join("/", parts);
    }

    @Override
    public String toString() {
        return "OfdArchive[" + entries.size() + " entries]";
    }
}
