package org.zizhu.kiosk.transaction;

import java.time.Duration;
import org.zizhu.kiosk.devices.DeviceTexts;
import org.zizhu.device.camera.face.FaceCaptureResult;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.services.IdentityService;
import org.zizhu.kiosk.services.ResidentSession;
import org.zizhu.kiosk.session.Resident;

/**
 * Proves to the centre who the resident is, for a central session: a mobile-app login is
 * exchanged as is; a card holder's face is captured (quality-checked on the kiosk) and matched
 * with the card's photo at the centre.
 */
final class ResidentVerification {
    static final Duration FACE_TIMEOUT = Duration.ofSeconds(20);

    /** The camera port: DeviceHub's face capture. */
    @FunctionalInterface
    interface FaceCapture {
        FaceCaptureResult capture(Duration timeout) throws InterruptedException;
    }

    private final IdentityService identity;
    private final FaceCapture camera;
    private final ServiceFailures failures;

    ResidentVerification(IdentityService identity, FaceCapture camera, ServiceFailures failures) {
        this.identity = identity;
        this.camera = camera;
        this.failures = failures;
    }

    ResidentSession verify(Resident resident) throws CentralException, InterruptedException, ServiceException {
        if (resident.source() == Resident.Source.MOBILE_APP) {
            return identity.qrLogin(resident.loginToken());
        }
        var face = switch (camera.capture(FACE_TIMEOUT)) {
            // The camera says what is wrong with the picture; the resident is told what to do, and may try again.
            case FaceCaptureResult.Rejected r -> throw new ServiceException("face not captured: " + r.issue(),
                    DeviceTexts.standard().face(r.issue()), true, null);
            case FaceCaptureResult.Accepted a -> a.face();
        };
        IdentityService.FaceCheck check;
        try {
            check = identity.verifyFace(resident.idNumber(), face.jpeg());
        } finally {
            face.wipe();
        }
        if (check.session().isPresent()) {
            return check.session().get();
        }
        throw failures.refused("face check " + check.result(),
                check.result() == IdentityService.Result.NO_MATCH ? "error.faceMismatch" : "error.unknownPerson");
    }
}
