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

    @Test
    void mainlandMobileNumbers() {
        assertTrue(IdChecks.validMobileNumber("13812345678"));
        assertTrue(IdChecks.validMobileNumber("19912345678"));
        assertFalse(IdChecks.validMobileNumber("12812345678"), "12x is not a mobile block");
        assertFalse(IdChecks.validMobileNumber("1381234567"), "ten digits");
        assertFalse(IdChecks.validMobileNumber("138123456789"));
        assertFalse(IdChecks.validMobileNumber("1381234567a"));
        assertFalse(IdChecks.validMobileNumber("04725551234"), "a landline");
        assertFalse(IdChecks.validMobileNumber(null));
    }

    @Test
    void creditCodesOfCentresInTheCatalogue() {
        assertTrue(IdChecks.validCreditCode("11150200MB1532145Q"));
        assertTrue(IdChecks.validCreditCode("91150203MA13QJ8C5T"));
        assertFalse(IdChecks.validCreditCode("91150203MA13QJ8C5L"));
        assertFalse(IdChecks.validCreditCode("91150203ma13qj8c5t"), "lower case is not in the alphabet");
    }
}
