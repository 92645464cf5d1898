package org.zizhu.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Moved from device-common's StatusTrackerTest with Masking itself. */
class MaskingTest {
    @Test
    void masksIdNumbersAndNames() {
        assertEquals("1101**********002X", Masking.idNumber("11010519491231002X"));
        assertEquals("****", Masking.idNumber("1234"));
        assertEquals("张**", Masking.name("张三丰"));
        assertEquals("䶮*", Masking.name("䶮"+"x"));
        assertEquals("𠀀*", Masking.name("\uD840\uDC00"));
    }
}
