package org.zizhu.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Optional<FieldRule> check(FieldSpec spec, String value) {
        return FieldCheck.check(spec, value, TODAY);
    }

    private static FieldSpec spec(FieldType type, int max, Integer minLength, Pattern p, DateWindow when, Integer span) {
        return new FieldSpec(type, max, true, minLength, p, null, null, null, when, span, null);
    }

    @Test
    void requiredOptionalLengthAndControlCharacters() {
        FieldSpec text = spec(FieldType.TEXT, 5, 2, null, null, null);
        assertEquals(Optional.of(FieldRule.REQUIRED), check(text, null));
        assertEquals(Optional.of(FieldRule.REQUIRED), check(text, "   "));
        assertEquals(Optional.empty(), check(FieldSpec.of(FieldType.TEXT, 5, false), ""));
        assertEquals(Optional.empty(), check(text, "包头市昆区"), "five characters, counted as code points");
        assertEquals(Optional.of(FieldRule.TOO_LONG), check(text, "包头市昆都仑"));
        assertEquals(Optional.of(FieldRule.TOO_SHORT), check(text, "包"));
        assertEquals(Optional.of(FieldRule.BAD_CHARACTERS), check(text, "a\nb"));
        assertEquals(Optional.empty(), check(spec(FieldType.TEXT, 2, null, null, null, null), "𠀀𠀁"), "supplementary characters count once");
    }

    @Test
    void patternChineseAndAddress() {
        FieldSpec account = spec(FieldType.TEXT, 20, null, Pattern.compile("^[0-9]{12,20}$"), null, null);
        assertEquals(Optional.empty(), check(account, "123456789012"));
        assertEquals(Optional.of(FieldRule.PATTERN), check(account, "12345678901A"));
        FieldSpec name = spec(FieldType.CHINESE_TEXT, 30, 2, null, null, null);
        assertEquals(Optional.empty(), check(name, "王建国"));
        assertEquals(Optional.empty(), check(name, "阿依古丽·买买提"));
        assertEquals(Optional.of(FieldRule.NOT_CHINESE), check(name, "Wang Jianguo"));
        assertEquals(Optional.of(FieldRule.NOT_CHINESE), check(name, "王建国1"));
        assertEquals(Optional.of(FieldRule.NOT_CHINESE), check(name, "··"));
        FieldSpec address = spec(FieldType.ADDRESS, 100, 6, null, null, null);
        assertEquals(Optional.empty(), check(address, "包头市东河区和平路12号3-501"));
        assertEquals(Optional.of(FieldRule.NOT_CHINESE), check(address, "12 Peace Road"));
    }

    @Test
    void identifiers() {
        FieldSpec id = FieldSpec.of(FieldType.ID_NUMBER, 18, true);
        assertEquals(Optional.empty(), check(id, "11010519491231002X"));
        assertEquals(Optional.of(FieldRule.ID_NUMBER_CHECK), check(id, "110105194912310021"));
        assertEquals(Optional.of(FieldRule.ID_NUMBER_FORMAT), check(id, "11010519491231002x"));
        assertEquals(Optional.of(FieldRule.ID_NUMBER_FORMAT), check(id, "1101051949123100"));
        FieldSpec phone = FieldSpec.of(FieldType.PHONE, 11, true);
        assertEquals(Optional.empty(), check(phone, "13912345678"));
        assertEquals(Optional.of(FieldRule.PHONE), check(phone, "12912345678"));
        FieldSpec uscc = FieldSpec.of(FieldType.USCC, 18, true);
        assertEquals(Optional.empty(), check(uscc, "91350100M000100Y43"));
        assertEquals(Optional.of(FieldRule.USCC_CHECK), check(uscc, "91350100M000100Y44"));
        assertFalse(FieldRule.USCC_CHECK.blocking(), "early codes fail the check: a warning");
        assertEquals(Optional.of(FieldRule.USCC_FORMAT), check(uscc, "91350100M000100I43"), "I is not in the alphabet");
        assertEquals(Optional.of(FieldRule.USCC_FORMAT), check(uscc, "9135010AM000100Y43"), "the region code is six digits");
        assertTrue(FieldRule.USCC_FORMAT.blocking());
    }

    @Test
    void datesAndRanges() {
        FieldSpec past = spec(FieldType.DATE, 10, null, null, DateWindow.PAST_OR_TODAY, null);
        assertEquals(Optional.empty(), check(past, "2026-12-01"));
        assertEquals(Optional.empty(), check(past, "2024-02-29"));
        assertEquals(Optional.of(FieldRule.DATE_FORMAT), check(past, "2025-02-29"));
        assertEquals(Optional.of(FieldRule.DATE_FORMAT), check(past, "2026/12/01"));
        assertEquals(Optional.of(FieldRule.DATE_FORMAT), check(past, "2026-1-1"));
        assertEquals(Optional.of(FieldRule.DATE_IN_FUTURE), check(past, "2026-12-02"));
        FieldSpec future = spec(FieldType.DATE, 10, null, null, DateWindow.TODAY_OR_FUTURE, null);
        assertEquals(Optional.of(FieldRule.DATE_IN_PAST), check(future, "2026-11-30"));
        assertEquals(Optional.empty(), check(future, "2026-12-01"));
        FieldSpec lease = spec(FieldType.DATE_RANGE, 21, null, null, null, 366);
        assertEquals(Optional.empty(), check(lease, "2026-01-01/2026-12-31"));
        assertEquals(Optional.of(FieldRule.RANGE_ORDER), check(lease, "2026-12-31/2026-01-01"));
        assertEquals(Optional.of(FieldRule.RANGE_TOO_LONG), check(lease, "2026-01-01/2027-01-03"));
        assertEquals(Optional.of(FieldRule.DATE_FORMAT), check(lease, "2026-01-01"));
        assertEquals(Optional.of(FieldRule.DATE_FORMAT), check(lease, "2026-01-01/2026-13-01"));
        FieldSpec notice = spec(FieldType.DATE_RANGE, 21, null, null, DateWindow.PAST_OR_TODAY, 60);
        assertEquals(Optional.of(FieldRule.DATE_IN_FUTURE), check(notice, "2026-12-05/2026-12-25"), "the window applies to the start");
        assertEquals(Optional.empty(), check(notice, "2026-11-20/2026-12-10"));
    }

    @Test
    void numbersAndChoices() {
        FieldSpec rent = new FieldSpec(FieldType.NUMBER, 9, true, null, null, new BigDecimal("100"), new BigDecimal("50000"), 2, null, null, null);
        assertEquals(Optional.empty(), check(rent, "1500"));
        assertEquals(Optional.empty(), check(rent, "1500.50"));
        assertEquals(Optional.of(FieldRule.NUMBER_DECIMALS), check(rent, "1500.505"));
        assertEquals(Optional.of(FieldRule.NUMBER_RANGE), check(rent, "99.99"));
        assertEquals(Optional.of(FieldRule.NUMBER_RANGE), check(rent, "50000.01"));
        assertEquals(Optional.of(FieldRule.NUMBER_FORMAT), check(rent, "1,500"));
        assertEquals(Optional.of(FieldRule.NUMBER_FORMAT), check(rent, "1e3"));
        assertEquals(Optional.of(FieldRule.NUMBER_FORMAT), check(rent, "."));
        FieldSpec kind = new FieldSpec(FieldType.CHOICE, 10, true, null, null, null, null, null, null, null, Set.of("LOST", "DESTROYED"));
        assertEquals(Optional.empty(), check(kind, "LOST"));
        assertEquals(Optional.of(FieldRule.CHOICE), check(kind, "lost"));
    }

    @Test
    void incompleteSpecsAreRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> FieldSpec.of(FieldType.CHOICE, 10, true));
        assertThrows(IllegalArgumentException.class, () -> FieldSpec.of(FieldType.NUMBER, 10, true));
        assertThrows(IllegalArgumentException.class, () -> FieldSpec.of(FieldType.DATE_RANGE, 21, true));
        assertThrows(IllegalArgumentException.class, () -> FieldSpec.of(FieldType.TEXT, 0, true));
    }
}
