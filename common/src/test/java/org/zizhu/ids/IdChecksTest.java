package org.zizhu.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdChecksTest {
    @Test
    void residentIdNumbersFromTheReference() {
        assertTrue(IdChecks.validIdNumber("11010519491231002X"));
        assertTrue(IdChecks.validIdNumber("440524188001010014"));
        assertTrue(IdChecks.validIdNumber("810000199408230021"));
        assertFalse(IdChecks.validIdNumber("110105194912310021"));
        assertFalse(IdChecks.validIdNumber("11010519491231002x"));
        assertFalse(IdChecks.validIdNumber(null));
        assertFalse(IdChecks.validIdNumber("1101051949123100"));
        assertEquals('X', IdChecks.idCheckChar("11010519491231002"));
        assertThrows(IllegalArgumentException.class, () -> IdChecks.idCheckChar("1101051949123100A"));
    }

    @Test
    void creditCodesAndLicenseIds() {
        assertTrue(IdChecks.validCreditCode("91350100M000100Y43"));
        assertFalse(IdChecks.validCreditCode("91350100M000100Y44"));
        assertFalse(IdChecks.validCreditCode("91350100M000100I43"), "I is not in the alphabet");
        assertTrue(IdChecks.validLicenseId("1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3"));
        assertFalse(IdChecks.validLicenseId("1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.4"));
        assertFalse(IdChecks.validLicenseId("1.2.156.3005.2.111.11150200mb1532145Q.1985001001.001.3"));
        assertFalse(IdChecks.validLicenseId("1.2.156.3005.2...001.3"));
        assertFalse(IdChecks.validLicenseId("9.9.9"));
        assertThrows(IllegalArgumentException.class, () -> IdChecks.mod3736("ab"));
    }
}
