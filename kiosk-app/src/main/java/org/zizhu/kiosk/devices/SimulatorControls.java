package org.zizhu.kiosk.devices;

import org.zizhu.device.printer.sim.EscPosSimulator;
import java.util.Optional;
import org.zizhu.device.camera.sim.SimulatedCamera;
import org.zizhu.device.gpio.GpioSimulator;
import org.zizhu.device.idcard.IdCardEvent;
import org.zizhu.device.idcard.sim.SamSimulator;
import org.zizhu.device.smartcard.sim.SimulatedSmartCard;

/**
 * The hands of whoever runs a demo or a test on the simulated devices: place an ID card, press
 * the help button, open the door, show the camera a QR code or a face, insert a technician card.
 * Each is present only for a device in simulated mode. Given to the demo console and tests only;
 * the kiosk's flows and screens see the device interfaces and never this.
 */
public final class SimulatorControls {
    private volatile SamSimulator idcard;
    private volatile SimulatedCamera.Controls camera;
    private volatile GpioSimulator gpio;
    private volatile SimulatedSmartCard.Controls smartcard;
    private volatile EscPosSimulator receipt;

    SimulatorControls() {
    }

    /** The SAM simulator behind the ID card reader (place and remove cards, inject faults). */
    public Optional<SamSimulator> idcard() {
        return Optional.ofNullable(idcard);
    }

    /** What the simulated camera looks at. */
    public Optional<SimulatedCamera.Controls> camera() {
        return Optional.ofNullable(camera);
    }

    /** The GPIO simulator (help button, cabinet door, temperature). */
    public Optional<GpioSimulator> gpio() {
        return Optional.ofNullable(gpio);
    }

    /** The hand at pcscd's virtual reader (technician cards). */
    public Optional<SimulatedSmartCard.Controls> smartcard() {
        return Optional.ofNullable(smartcard);
    }

    /** The ESC/POS simulator behind the receipt printer (what was printed; paper and cover faults). */
    /**
     * Inserts or removes the demo technician card in the simulated smart-card reader (screenshot
     * tour, tests); false without a simulated reader or when the virtual reader refuses.
     */
    public boolean technicianCard(boolean inserted) {
        Optional<SimulatedSmartCard.Controls> card = smartcard();
        if (card.isEmpty()) {
            return false;
        }
        try {
            if (inserted) {
                card.get().insertTechnicianCard();
            } else {
                card.get().remove();
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public Optional<EscPosSimulator> receipt() {
        return Optional.ofNullable(receipt);
    }

    void receipt(EscPosSimulator r) {
        receipt = r;
    }

    void idcard(SamSimulator s) {
        idcard = s;
    }

    void camera(SimulatedCamera.Controls c) {
        camera = c;
    }

    void gpio(GpioSimulator g) {
        gpio = g;
    }

    void smartcard(SimulatedSmartCard.Controls c) {
        smartcard = c;
    }

    /**
     * The simulated resident: whoever places a card on the simulated reader also stands in front
     * of the simulated camera, so the face capture after it sees a face (a demo has nobody there).
     * Real cameras are left alone: this is the simulation's doing, not the transaction's. A face
     * scene chosen on purpose (a dark hall, a resident far off or stepped aside) is kept, so a demo
     * or a test can show the face check's guidance.
     */
    void onIdCardEvent(IdCardEvent e) {
        SimulatedCamera.Controls c = camera;
        if (c != null && idcard != null && e instanceof IdCardEvent.IdentityRead && !c.scene().startsWith("face")) {
            c.showFaceUnchecked();
        }
    }
}
