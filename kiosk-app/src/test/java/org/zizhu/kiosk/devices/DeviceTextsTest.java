package org.zizhu.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.device.camera.document.DocumentQualityIssue;
import org.zizhu.device.camera.face.FaceQualityIssue;
import org.zizhu.device.camera.qr.QrRejection;
import org.zizhu.device.smartcard.SmartCardException;
import org.zizhu.device.smartcard.technician.TechnicianAuthResult;
import org.zizhu.device.smartcard.technician.TechnicianRole;
import org.zizhu.kiosk.i18n.Text;

/**
 * Drivers return reasons; the kiosk words them. The texts the drivers used to carry (and their
 * tests asserted) are asserted here, on the bundles, in both languages.
 */
class DeviceTextsTest {
    private final DeviceTexts texts = DeviceTexts.standard();

    @Test
    void aDarkHallTellsTheResidentToComeCloser() {
        Text t = texts.face(FaceQualityIssue.TOO_DARK);
        assertEquals("光线太暗，请靠近屏幕", t.zh());
        assertTrue(t.en().startsWith("Too dark"));
    }

    @Test
    void aMovingPageAsksTheResidentToLetGo() {
        Text t = texts.document(DocumentQualityIssue.PAGE_MOVING);
        assertEquals("材料仍在移动，请松手稍候", t.zh());
        assertTrue(t.en().startsWith("The page is still moving"));
    }

    @Test
    void everyFaceIssueAndQrRejectionHasBothLanguages() {
        List<Text> all = new ArrayList<>();
        for (FaceQualityIssue i : FaceQualityIssue.values()) {
            all.add(texts.face(i));
        }
        for (QrRejection r : QrRejection.values()) {
            all.add(texts.qr(r));
        }
        for (DocumentQualityIssue d : DocumentQualityIssue.values()) {
            all.add(texts.document(d));
        }
        for (Text t : all) {
            assertWorded(t);
        }
    }

    @Test
    void technicianLoginOutcomesInBothLanguages() {
        Text ok = texts.technician(new TechnicianAuthResult.Ok("T-0001", TechnicianRole.TECHNICIAN, "01"));
        assertTrue(ok.zh().contains("维护模式"), ok.zh());
        assertEquals("验证通过：技术员 T-0001，已进入维护模式。", ok.zh());
        assertEquals("Verified: technician T-0001. Maintenance mode unlocked.", ok.en());
        assertTrue(texts.technician(new TechnicianAuthResult.Blocked()).en().contains("blocked"));
        // Wrong-PIN messages carry the count, in both languages.
        assertEquals("PIN 码错误，还可尝试 2 次。", texts.technician(new TechnicianAuthResult.WrongPin(2)).zh());
        assertEquals("Wrong PIN. 2 tries left.", texts.technician(new TechnicianAuthResult.WrongPin(2)).en());
        assertEquals("Wrong PIN. 1 try left.", texts.technician(new TechnicianAuthResult.WrongPin(1)).en());
        assertTrue(texts.technician(new TechnicianAuthResult.NotATechnicianCard("6A82")).zh().contains("维护人员卡"));
        assertEquals("请插入维护人员卡。",
                texts.technician(new TechnicianAuthResult.ReaderError(SmartCardException.Reason.NO_CARD, "")).zh());
    }

    @Test
    void everyTechnicianOutcomeIsWorded() {
        List<TechnicianAuthResult> all = new ArrayList<>(List.of(
                new TechnicianAuthResult.Ok("OP-0042", TechnicianRole.OPERATOR, "02"),
                new TechnicianAuthResult.WrongPin(2), new TechnicianAuthResult.WrongPin(1),
                new TechnicianAuthResult.Blocked(), new TechnicianAuthResult.NotATechnicianCard(""),
                new TechnicianAuthResult.Forged(""), new TechnicianAuthResult.Expired(java.time.LocalDate.EPOCH),
                new TechnicianAuthResult.Revoked()));
        for (SmartCardException.Reason r : SmartCardException.Reason.values()) {
            all.add(new TechnicianAuthResult.ReaderError(r, ""));
        }
        for (TechnicianAuthResult r : all) {
            assertWorded(texts.technician(r));
        }
    }

    /** Present in every bundle: a missing key would show as the key itself. */
    private static void assertWorded(Text t) {
        assertFalse(t.zh().isBlank() || t.zh().startsWith("device."), t.toString());
        assertFalse(t.en().isBlank() || t.en().startsWith("device."), t.toString());
    }
}
