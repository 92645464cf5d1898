package org.zizhu.ofd;

/**
 * A shape check of untrusted DER before BouncyCastle parses it: every length definite and
 * inside its parent, one top-level element and nothing after it, nesting at most
 * {@code maxDepth}. It walks iteratively, so hostile nesting cannot exhaust the stack here;
 * and having passed, BouncyCastle's recursive parser cannot either.
 */
final class Der {
    /** GB/T 38540 structures nest about 12 deep (seal in signature, certificate inside). */
    static final int MAX_DEPTH = 32;

    private Der() {
    }

    static void checkShape(byte[] b, int maxDepth) throws OfdException {
        if (b == null || b.length < 2) {
            throw bad("empty");
        }
        int[] ends = new int[maxDepth + 1];
        ends[0] = b.length;
        int depth = 0;
        int pos = 0;
        boolean first = true;
        while (true) {
            while (depth > 0 && pos == ends[depth]) {
                depth--;
            }
            if (depth == 0 && pos == b.length) {
                return;
            }
            if (depth == 0 && !first) {
                throw bad("data after the top-level element");
            }
            first = false;
            int end = ends[depth];
            int tag = b[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) { // high tag number: base-128 continuation bytes
                int n = 0;
                do {
                    if (pos >= end || ++n > 4) {
                        throw bad("tag");
                    }
                } while ((b[pos++] & 0x80) != 0);
            }
            if (pos >= end) {
                throw bad("truncated");
            }
            int l = b[pos++] & 0xff;
            long len;
            if (l < 0x80) {
                len = l;
            } else if (l == 0x80) {
                throw bad("indefinite length");
            } else {
                int k = l & 0x7f;
                if (k > 4) {
                    throw bad("length");
                }
                len = 0;
                for (int i = 0; i < k; i++) {
                    if (pos >= end) {
                        throw bad("truncated");
                    }
                    len = (len << 8) | (b[pos++] & 0xff);
                }
            }
            if (len > end - pos) {
                throw bad("length past its container");
            }
            int elementEnd = pos + (int) len;
            if ((tag & 0x20) != 0) {
                if (depth == maxDepth) {
                    throw bad("nested too deep");
                }
                ends[++depth] = elementEnd;
            } else {
                pos = elementEnd;
            }
        }
    }

    private static OfdException bad(String why) {
        return new OfdException(OfdException.Reason.MALFORMED, "bad DER: " + why);
    }
}
