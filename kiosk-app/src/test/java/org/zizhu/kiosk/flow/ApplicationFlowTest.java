package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.CatalogModel.ItemDetail;
import org.zizhu.kiosk.flow.ApplicationPorts.Image;
import org.zizhu.kiosk.flow.ServicePorts.Outcome;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/** The application machine: the visit's end wipes what the flow holds; a late page is wiped; one submission per key. */
class ApplicationFlowTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    /** Ports that answer at once, counting submissions; pages come back only when {@code release} runs. */
    static final class Stub implements ApplicationPorts {
        final AtomicInteger submissions = new AtomicInteger();
        final List<Image> taken = new ArrayList<>();

        @Override
        public Prepared prepare(ItemDetail item, Resident resident, List<String> licenseTypes, boolean consented, String businessRef) {
            return new Prepared(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD, null), "AUTH",
                    List.of(new License("ID_CARD", ApplicationStepsTest.WANG_CARD_LICENSE, new ObjectMapper().createObjectNode())));
        }

        @Override
        public Image capturePage() {
            Image i = new Image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9});
            taken.add(i);
            return i;
        }

        @Override
        public SubmitResult submit(ItemDetail item, Resident resident, ApplicationState.Application application, String key) {
            submissions.incrementAndGet();
            return new Accepted(new Outcome() {
                @Override
                public Text title() {
                    return new Text("已受理", "Accepted");
                }

                @Override
                public String reference() {
                    return "ZW-TEST-0001";
                }

                @Override
                public void wipe() {
                }
            });
        }

        @Override
        public void printReceipt(ItemDetail item, Resident resident, Outcome outcome, List<ApplicationState.Received> received,
                                 List<ApplicationState.Owed> owed) {
        }

        FaceGuideSource faceGuides = FaceGuideSource.NONE;

        @Override
        public java.util.Optional<FaceGuideView> faceGuide() {
            return faceGuides.latest();
        }
    }

    @Test
    void theFaceCheckPictureIsAskedForOnlyWhileACardHolderIsBeingVerified() throws Exception {
        Stub ports = new Stub();
        ports.faceGuides = () -> java.util.Optional.of(new FaceGuideView(new byte[] {1}, FaceGuideView.Prompt.LOOK_STRAIGHT));
        List<Runnable> queued = new ArrayList<>();
        ApplicationFlow f = ApplicationFlow.start(ApplicationStepsTest.item(ApplicationStepsTest.RETIREMENT), ports, new Visit(),
                queued::add, CLOCK);
        assertFalse(f.checkingFace());
        assertEquals(java.util.Optional.empty(), f.faceGuide());
        f.fire(new ApplicationEvent.Identified(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD, null), null));
        f.fire(new ApplicationEvent.ConsentGiven(true));
        assertInstanceOf(ApplicationState.Preparing.class, f.state());
        assertTrue(f.checkingFace());
        assertEquals(FaceGuideView.Prompt.LOOK_STRAIGHT, f.faceGuide().orElseThrow().prompt());
        queued.forEach(Runnable::run);
        assertInstanceOf(ApplicationState.FillingForm.class, f.state());
        assertFalse(f.checkingFace());
        assertEquals(java.util.Optional.empty(), f.faceGuide());
    }

    @Test
    void theVisitsEndEndsTheFlowAndWipesPagesAndSignatures() throws Exception {
        Stub ports = new Stub();
        Visit visit = new Visit();
        ApplicationFlow f = ApplicationFlow.start(ApplicationStepsTest.item(ApplicationStepsTest.RETIREMENT), ports, visit,
                Runnable::run, CLOCK);
        f.fire(new ApplicationEvent.Identified(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD, null), null));
        f.fire(new ApplicationEvent.ConsentGiven(true));
        assertInstanceOf(ApplicationState.FillingForm.class, f.state());
        f.fire(new ApplicationEvent.SubmitForm()); // incomplete: stays
        assertInstanceOf(ApplicationState.FillingForm.class, f.state());
        ApplicationStepsTest.filledFields().forEach((k, v) -> f.fire(new ApplicationEvent.EditField(k, v)));
        f.fire(new ApplicationEvent.SubmitForm());
        f.fire(new ApplicationEvent.CapturePage(1));
        f.fire(new ApplicationEvent.Commit(2, ApplicationStepsTest.png()));
        var m = assertInstanceOf(ApplicationState.Materials.class, f.state());
        var signature = assertInstanceOf(ApplicationState.Committed.class, m.application().materials().get(2)).signature();

        visit.end("idle");
        assertEquals(new ApplicationState.Ended(), f.state());
        assertTrue(ports.taken.get(0).wiped(), "the page is wiped with the visit");
        assertTrue(signature.wiped(), "the signature is wiped with the visit");
        f.fire(new ApplicationEvent.CapturePage(1));
        assertEquals(1, ports.taken.size(), "nothing more happens after the end");
    }

    @Test
    void aDoubleTouchOnSubmitSubmitsOnceAndAnItemWithoutApplicationIsRefused() throws Exception {
        Stub ports = new Stub();
        List<Runnable> queued = new ArrayList<>();
        ApplicationFlow f = ApplicationFlow.start(ApplicationStepsTest.item(ApplicationStepsTest.NO_POST), ports, new Visit(),
                queued::add, CLOCK);
        f.fire(new ApplicationEvent.Identified(new Resident("王建国", ApplicationStepsTest.WANG, Resident.Source.ID_CARD, null), null));
        f.fire(new ApplicationEvent.ConsentGiven(true));
        queued.remove(0).run();
        var form = assertInstanceOf(ApplicationState.FillingForm.class, f.state());
        for (var field : f.item().form().fields()) {
            if (field.required() && !form.application().values().containsKey(field.id())) {
                f.fire(new ApplicationEvent.EditField(field.id(), ApplicationStepsTest.sample(field)));
            }
        }
        f.fire(new ApplicationEvent.SubmitForm());
        int committable = f.item().materials().indexOf(f.item().committableMaterials().get(0));
        f.fire(new ApplicationEvent.Commit(committable, ApplicationStepsTest.png()));
        f.fire(new ApplicationEvent.MaterialsDone());
        f.fire(new ApplicationEvent.ConfirmSubmit());
        f.fire(new ApplicationEvent.ConfirmSubmit());
        assertEquals(1, queued.size(), "one submission under way");
        assertTrue(f.busy());
        queued.remove(0).run();
        queued.remove(0).run(); // the receipt
        var done = assertInstanceOf(ApplicationState.Done.class, f.state());
        assertEquals("ZW-TEST-0001", done.outcome().reference());
        assertEquals(1, ports.submissions.get());

        ItemDetail immediate = ApplicationStepsTest.item("11150200MB1532145Q100580100001");
        assertThrows(IllegalArgumentException.class, () -> ApplicationFlow.start(withoutSubmission(immediate), ports,
                new Visit(), Runnable::run, CLOCK));
    }

    private static ItemDetail withoutSubmission(ItemDetail i) {
        return new ItemDetail(i.code(), i.name(), i.type(), i.audience(), i.audienceText(), i.group(), i.highFrequency(),
                i.rank(), List.of(org.zizhu.kiosk.catalog.CatalogModel.Handling.GUIDE), i.legalBasis(), i.implementingBody(),
                i.acceptanceConditions(), i.statutoryTimeLimit(), i.promisedTimeLimit(), i.resultName(), i.resultSample(),
                i.fee(), i.materials(), i.missingMaterialAcceptance(), i.process(), i.channels(), i.reviewCriteria(), i.scope(),
                i.scopeText(), i.appointment(), i.onlinePayment(), i.delivery(), i.place(), i.hours(), i.enquiries(),
                i.complaints(), i.keywords(), i.revision(), i.guideUrl(), i.form());
    }
}
