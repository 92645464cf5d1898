package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.flow.MaintenanceFlow.Result;
import org.zizhu.kiosk.flow.MaintenanceFlow.Step;

class MaintenanceFlowTest {
    private final List<char[]> seenPins = new ArrayList<>();
    private final List<String> seenPinText = new ArrayList<>();

    private MaintenanceFlow flow(boolean ok) {
        return new MaintenanceFlow(pin -> {
            seenPins.add(pin);
            seenPinText.add(new String(pin));
            return ok ? new Result(true, "T0001", "TECHNICIAN", "", "")
                    : new Result(false, "", "", "PIN错误，还可尝试2次", "Wrong PIN, 2 tries left");
        }, Runnable::run);
    }

    @Test
    void pinEntryUnlocksAndRemovalLocks() {
        MaintenanceFlow f = flow(true);
        f.digit('1');
        assertEquals(Step.CLOSED, f.view().step(), "no keypad without a card");
        f.cardInserted();
        for (char c : "123456".toCharArray()) {
            f.digit(c);
        }
        f.digit('x');
        assertEquals(6, f.view().pinLength());
        f.backspace();
        f.digit('6');
        f.submit();
        assertEquals(Step.OPEN, f.view().step());
        assertEquals("123456", seenPinText.get(0));
        assertTrue(new String(seenPins.get(0)).chars().allMatch(c -> c == 0), "PIN wiped after the check");
        f.cardRemoved();
        assertEquals(Step.CLOSED, f.view().step());
    }

    @Test
    void wrongPinStaysOnKeypadWithMessageAndShortPinsAreNotSent() {
        MaintenanceFlow f = flow(false);
        f.cardInserted();
        f.digit('1');
        f.digit('2');
        f.submit();
        assertEquals(Step.PIN_ENTRY, f.view().step());
        assertTrue(seenPins.isEmpty(), "a PIN shorter than 4 digits is not tried (it would cost a try)");
        for (char c : "34".toCharArray()) {
            f.digit(c);
        }
        f.submit();
        assertEquals(Step.PIN_ENTRY, f.view().step());
        assertEquals("Wrong PIN, 2 tries left", f.view().messageEn());
        assertEquals(0, f.view().pinLength());
        for (int i = 0; i < 20; i++) {
            f.digit('9');
        }
        assertEquals(MaintenanceFlow.MAX_PIN, f.view().pinLength());
    }
}
