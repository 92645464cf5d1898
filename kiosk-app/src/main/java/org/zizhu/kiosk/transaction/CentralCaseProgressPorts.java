package org.zizhu.kiosk.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.devices.DeviceHub;
import org.zizhu.kiosk.devices.FaceGuides;
import org.zizhu.kiosk.flow.CaseProgressPorts;
import org.zizhu.kiosk.flow.FaceGuideSource;
import org.zizhu.kiosk.flow.FaceGuideView;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.services.CentralServices;
import org.zizhu.kiosk.services.OneCertificateService;
import org.zizhu.kiosk.services.OneCertificateService.CaseStatus;
import org.zizhu.kiosk.services.ResidentSession;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.transaction.ServiceFailures.Call;

/**
 * The case progress flow's ports over the centre: the resident verified as for an application
 * ({@link ResidentVerification}: a mobile-app login as is, a card holder with a face check), their
 * cases from {@code GET /cases} under that session, one case from {@code GET /cases/{caseNumber}}.
 * What the resident is told on failure comes from {@link ServiceFailures}.
 */
public final class CentralCaseProgressPorts implements CaseProgressPorts {
    private final CentralServices services;
    private final ServiceFailures failures;
    private final ResidentVerification verification;
    /** The live face guide: the device hub's (set by the public constructor only); none in tests without a camera. */
    private FaceGuideSource faceGuides = FaceGuideSource.NONE;

    public CentralCaseProgressPorts(CentralServices services, DeviceHub hub) {
        this(services, hub::captureFace, new Messages());
        this.faceGuides = new FaceGuides(hub);
    }

    CentralCaseProgressPorts(CentralServices services, ResidentVerification.FaceCapture face, Messages messages) {
        this.services = services;
        this.failures = new ServiceFailures(messages);
        this.verification = new ResidentVerification(services.identity(), face, failures);
    }

    @Override
    public Cases casesOf(Resident resident) throws ServiceException {
        try {
            ResidentSession session = verification.verify(resident);
            List<Case> cases = new ArrayList<>();
            for (CaseStatus s : services.oneCertificate().myCases(session)) {
                cases.add(toCase(s));
            }
            // The person as the centre verified them (a mobile-app login carries no name of its own).
            String idNumber = session.idNumber() != null ? session.idNumber()
                    : resident.source() == Resident.Source.ID_CARD ? resident.idNumber() : null;
            return new Cases(new Resident(session.name(), idNumber, resident.source(), resident.validUntil()), cases);
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    @Override
    public Optional<Case> caseByNumber(String caseNumber) throws ServiceException {
        if (caseNumber == null || !CASE_NUMBER.matcher(caseNumber).matches()) {
            // The flow checks first; a number that still fails is the kiosk's own bug, never a call.
            throw failures.refused("not a case number", "cases.numberFormat");
        }
        try {
            return Optional.of(toCase(services.oneCertificate().caseStatus(caseNumber)));
        } catch (CentralException e) {
            if (e.kind() == CentralException.Kind.REJECTED && e.status() == 404) {
                return Optional.empty(); // the centre knows no such case: the resident checks the number
            }
            throw failures.translate(Call.PERFORM, e);
        } catch (Exception e) {
            throw failures.translate(Call.PERFORM, e);
        }
    }

    /**
     * The centre's case in the flow's terms. A state outside the contract's list is a bad answer
     * (shown as unexpected data), not a guess.
     */
    static Case toCase(CaseStatus s) throws CentralException {
        List<Step> steps = new ArrayList<>();
        for (OneCertificateService.CaseEvent e : s.history()) {
            steps.add(new Step(stage(e.status()), e.at(), e.note()));
        }
        List<Owed> owed = s.owed().stream().map(o -> new Owed(o.name(), o.dueDate())).toList();
        if (s.caseNumber() == null || !CASE_NUMBER.matcher(s.caseNumber()).matches() || steps.isEmpty()) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "case without a valid number or history", null, null);
        }
        return new Case(s.caseNumber(), s.itemCode(), s.itemName(), stage(s.status()), steps.get(0).at(), s.promisedBy(),
                steps, owed);
    }

    private static Stage stage(String status) throws CentralException {
        try {
            return Stage.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CentralException(CentralException.Kind.BAD_RESPONSE, 200, "unknown case state", null, e);
        }
    }

    /** The face check's live picture and prompt while the card holder's face is captured (DeviceHub's capture). */
    @Override
    public Optional<FaceGuideView> faceGuide() {
        return faceGuides.latest();
    }
}
