package org.zizhu.ofd;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DerTest {
    private static void bad(byte[] b) {
        assertEquals(OfdException.Reason.MALFORMED, assertThrows(OfdException.class, () -> Der.checkShape(b, Der.MAX_DEPTH)).reason());
    }

    @Test
    void acceptsARealCertificate() throws Exception {
        byte[] der = Fixtures.get().body.certificate().getEncoded();
        assertDoesNotThrow(() -> Der.checkShape(der, Der.MAX_DEPTH));
        assertDoesNotThrow(() -> Der.checkShape(Fixtures.get().body.sealEsl(), Der.MAX_DEPTH));
    }

    @Test
    void refusesDeepNestingWithoutRecursing() {
        // 200 000 nested SEQUENCE headers would overflow BouncyCastle's recursive parser.
        int depth = 200_000;
        byte[] b = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            b[2 * i] = 0x30;
            b[2 * i + 1] = (byte) 0x80; // indefinite length: refused at once
        }
        bad(b);
        byte[] nested = {0x30, 0x04, 0x30, 0x02, 0x30, 0x00};
        assertDoesNotThrow(() -> Der.checkShape(nested, 3));
        assertThrows(OfdException.class, () -> Der.checkShape(nested, 2));
    }

    @Test
    void refusesBadLengths() {
        bad(new byte[] {0x30, 0x05, 0x02, 0x01});           // longer than the data
        bad(new byte[] {0x30, 0x03, 0x02, 0x05, 0x01});     // child longer than its parent
        bad(new byte[] {0x02, 0x01, 0x01, 0x00});           // data after the top element
        bad(new byte[] {0x04, (byte) 0x85, 1, 2, 3, 4, 5}); // five length bytes
        bad(new byte[] {0x1f});                              // cut inside a tag
        bad(new byte[0]);
    }
}
