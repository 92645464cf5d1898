package org.zizhu.device.idcard;

import org.zizhu.ids.IdChecks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.device.idcard.sim.TextBlockWriter;

/** Pure decoder tests; the same cards are read over socat in IdCardReaderSerialTest. */
class IdentityDecoderTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static Identity decode(TestCards c) throws MalformedCardDataException {
        return IdentityDecoder.decode(c.textBlock(), c.photo(), new byte[0]);
    }

    @Test
    void residentCard() throws Exception {
        Identity id = decode(TestCards.RESIDENT);
        assertEquals(CardType.RESIDENT_ID, id.cardType());
        assertEquals("王小明", id.name());
        assertEquals(Gender.MALE, id.gender());
        assertEquals("汉族", id.nation().orElseThrow().chineseName());
        assertEquals("汉", id.nation().orElseThrow().shortName());
        assertEquals(LocalDate.of(1990, 3, 7), id.birthDate());
        assertEquals(TestCards.RESIDENT.address(), id.address());
        assertEquals("110101199003071233", id.idNumber());
        assertEquals("北京市公安局东城分局", id.issuingAuthority());
        assertEquals(LocalDate.of(2040, 3, 15), id.validity().until());
        assertEquals(ValidityState.VALID, id.validityOn(TODAY));
        assertEquals(ValidityState.NOT_YET_VALID, id.validityOn(LocalDate.of(2020, 3, 14)));
        assertArrayEquals(TestCards.RESIDENT.photo(), id.photoWlt());
    }

    @Test
    void rareCharactersOutsideGbkAndSurrogatePairs() throws Exception {
        Identity rare = decode(TestCards.RARE_NAME);
        assertEquals("刘䶮", rare.name());
        assertEquals("壮族", rare.nation().orElseThrow().chineseName());
        assertEquals(Gender.FEMALE, rare.gender());
        Identity longTerm = decode(TestCards.LONG_TERM);
        assertEquals("赵\uD842\uDFB7祥", longTerm.name());
        assertEquals("赵*", longTerm.maskedName().substring(0, 2));
    }

    @Test
    void longTermAndExpired() throws Exception {
        Identity longTerm = decode(TestCards.LONG_TERM);
        assertTrue(longTerm.validity().isLongTerm());
        assertNull(longTerm.validity().until());
        assertEquals("20100101-长期", longTerm.validity().cardNotation());
        assertEquals(ValidityState.VALID, longTerm.validityOn(LocalDate.of(2199, 1, 1)));
        Identity expired = decode(TestCards.EXPIRED);
        assertEquals(ValidityState.EXPIRED, expired.validityOn(TODAY));
        // The last day is inclusive and counted in the kiosk's zone: 16:30 UTC on 03-01 is
        // already 00:30 on 03-02 in Beijing.
        Instant t = Instant.parse("2021-03-01T16:30:00Z");
        assertEquals(ValidityState.VALID, expired.validityAt(Clock.fixed(t, ZoneId.of("UTC"))));
        assertEquals(ValidityState.EXPIRED, expired.validityAt(Clock.fixed(t, ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void residencePermit() throws Exception {
        Identity id = decode(TestCards.PERMIT);
        assertEquals(CardType.HMT_RESIDENCE_PERMIT, id.cardType());
        assertEquals("810000199408230021", id.idNumber());
        assertEquals("H60123456", id.passNumber());
        assertEquals("01", id.issueCount());
        assertTrue(id.nation().isEmpty());
    }

    @Test
    void foreignCards() throws Exception {
        Identity i = decode(TestCards.FOREIGN_2017);
        assertEquals(CardType.FOREIGN_PERMANENT_2017, i.cardType());
        assertEquals("SMITH, JOHN WILLIAM", i.englishName());
        assertEquals("史密斯", i.name());
        assertEquals("USA110080123451", i.idNumber());
        assertEquals("USA", i.nationality());
        assertEquals(LocalDate.of(1980, 1, 23), i.birthDate());
        assertEquals("02", i.cardVersion());
        assertEquals("1100", i.acceptanceAuthorityCode());
        Identity y = decode(TestCards.FOREIGN_2023);
        assertEquals(CardType.FOREIGN_PERMANENT_2023, y.cardType());
        assertEquals("HERNANDEZ GONZALEZ, MARIA FERNANDA ALEJANDRA", y.englishName());
        assertEquals("玛丽亚", y.name());
        assertEquals("931724198506150028", y.idNumber());
        assertEquals("ESP", y.nationality());
        assertEquals("00", y.renewalCount());
    }

    @Test
    void checkDigitSamplesFromDomainMd() {
        assertTrue(IdChecks.validIdNumber("11010519491231002X"));
        assertTrue(IdChecks.validIdNumber("440524188001010014"));
        assertTrue(IdChecks.validIdNumber("810000199408230021"));
        assertFalse(IdChecks.validIdNumber("110105194912310021"));
        assertFalse(IdChecks.validIdNumber("11010519491231002x"));
        for (TestCards c : TestCards.values()) {
            if (c.cardType() != CardType.FOREIGN_PERMANENT_2017) {
                assertTrue(IdChecks.validIdNumber(c.idNumber()), c.name());
            }
        }
    }

    @Test
    void malformedBlocksThrowTheDocumentedException() {
        byte[] good = TestCards.RESIDENT.textBlock();
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.decode(new byte[255], null, null));
        byte[] badCheck = new TextBlockWriter().putRaw(0, good).put(122, 36, "110101199003071234").toBytes();
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.decode(badCheck, null, null));
        byte[] badFlag = new TextBlockWriter().putRaw(0, good).put(248, 2, "Q").toBytes();
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.decode(badFlag, null, null));
        byte[] loneSurrogate = new TextBlockWriter().putRaw(0, good).putRaw(0, (byte) 0x42, (byte) 0xD8).toBytes();
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.decode(loneSurrogate, null, null));
        byte[] badDate = new TextBlockWriter().putRaw(0, good).put(36, 16, "19900230").toBytes();
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.decode(badDate, null, null));
        byte[] badNation = new TextBlockWriter().putRaw(0, good).put(32, 4, "57").toBytes();
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.decode(badNation, null, null));
        byte[] badGender = new TextBlockWriter().putRaw(0, good).put(30, 2, "3").toBytes();
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.decode(badGender, null, null));
        MalformedCardDataException e = assertThrows(MalformedCardDataException.class,
                () -> IdentityDecoder.decode(badCheck, null, null));
        assertFalse(e.getMessage().contains("1101011990"), "message names the field, not the value");
        assertThrows(MalformedCardDataException.class, () -> IdentityDecoder.splitReadReply(new byte[10], false));
    }

    @Test
    void toStringMasksAndWipeDropsEverything() throws Exception {
        Identity id = IdentityDecoder.decode(TestCards.RESIDENT.textBlock(), TestCards.RESIDENT.photo(),
                TestCards.RESIDENT.fingerprint());
        String s = id.toString();
        assertFalse(s.contains("王小明"));
        assertFalse(s.contains("110101199003071233"));
        assertTrue(s.contains("1101**********1233"), s);
        assertTrue(id.hasFingerprint());
        id.wipe();
        assertTrue(id.isWiped());
        assertThrows(IllegalStateException.class, id::name);
        assertThrows(IllegalStateException.class, id::photoWlt);
        assertThrows(IllegalStateException.class, id::idNumber);
        assertEquals(CardType.RESIDENT_ID, id.cardType());
        assertFalse(id.toString().contains("1101"));
        id.wipe();
    }

    @Test
    void wipeZeroesThePhotoArrayItHeld() throws Exception {
        Identity id = decode(TestCards.RESIDENT);
        java.lang.reflect.Field f = Identity.class.getDeclaredField("photoWlt");
        f.setAccessible(true);
        byte[] held = (byte[]) f.get(id);
        id.wipe();
        for (byte b : held) {
            assertEquals(0, b);
        }
    }

    @Test
    void defaultPhotoDecoderSaysNoneInstalled() throws Exception {
        Identity id = decode(TestCards.RESIDENT);
        assertFalse(PhotoDecoder.none().isAvailable());
        PhotoDecoder.PhotoDecodeException e = assertThrows(PhotoDecoder.PhotoDecodeException.class,
                () -> id.photoBmp(PhotoDecoder.none()));
        assertTrue(e.getMessage().contains("no WLT photo decoder"));
    }
}
