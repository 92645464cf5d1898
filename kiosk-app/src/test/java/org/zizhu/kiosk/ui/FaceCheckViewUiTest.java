package org.zizhu.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Ellipse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.zizhu.kiosk.flow.CaseProgressEvent;
import org.zizhu.kiosk.flow.CaseProgressFlow;
import org.zizhu.kiosk.flow.CaseProgressPorts;
import org.zizhu.kiosk.flow.CaseProgressState;
import org.zizhu.kiosk.flow.FaceGuideView;
import org.zizhu.kiosk.flow.KioskFlow;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.session.Resident;
import org.zizhu.kiosk.session.Visit;

/**
 * The face check view on the case query by person, over scripted ports: the live picture, the
 * oval turning green when the picture is good, the prompt following the guide, the bytes zeroed
 * once shown, and nothing left when the step is over.
 */
class FaceCheckViewUiTest {
    private final FxRobot robot = new FxRobot();
    private final Messages msg = new Messages();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "face-check-ui-test-worker");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch verified = new CountDownLatch(1);
    private final AtomicReference<FaceGuideView.Prompt> prompt = new AtomicReference<>(FaceGuideView.Prompt.MORE_LIGHT);
    private final List<byte[]> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger asked = new AtomicInteger();
    private CaseProgressFlow flow;
    private StackPane root;
    private CaseProgressScreens screens;

    private final CaseProgressPorts ports = new CaseProgressPorts() {
        @Override
        public Cases casesOf(Resident resident) {
            try {
                verified.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Cases(new Resident("王建国", "150202198503120016", resident.source(), null),
                    List.of(CaseProgressUiTest.aCase(CaseProgressUiTest.NUMBER, Stage.IN_REVIEW, "企业职工退休审批")));
        }

        @Override
        public Optional<Case> caseByNumber(String caseNumber) {
            return Optional.empty();
        }

        @Override
        public Optional<FaceGuideView> faceGuide() {
            asked.incrementAndGet();
            byte[] jpeg = ApplicationScreensUiTest.jpeg(2);
            handedOut.add(jpeg);
            return Optional.of(new FaceGuideView(jpeg, prompt.get()));
        }
    };

    @AfterEach
    void close() throws Exception {
        verified.countDown();
        FxToolkit.cleanupStages();
        worker.shutdownNow();
    }

    private void show() throws Exception {
        flow = CaseProgressFlow.start(ports, new Visit(), worker, CaseProgressUiTest.CLOCK);
        Screens base = new Screens(new KioskFlow(Language.ZH, Duration.ofMinutes(2), CaseProgressUiTest.CLOCK, Runnable::run,
                Runnable::run), msg, new UiMetrics(1920, 1080, 21.5));
        screens = new CaseProgressScreens(msg, base);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            root = new StackPane();
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(KioskApplication.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            root.getChildren().setAll(screens.render(Language.ZH, flow, () -> { }));
        });
        flow.addListener(s -> Platform.runLater(() -> root.getChildren().setAll(screens.render(Language.ZH, flow, () -> { }))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends Node> Optional<T> find(String id, Class<T> type) {
        AtomicReference<T> found = new AtomicReference<>();
        robot.interact(() -> robot.lookup(id).tryQueryAs(type).ifPresent(found::set));
        return Optional.ofNullable(found.get());
    }

    private void awaitPrompt(String key) {
        String want = msg.get(Language.ZH, key);
        await().atMost(Duration.ofSeconds(20)).until(() -> find("#face-prompt", Label.class)
                .filter(l -> l.getParent().isVisible()).map(l -> l.getText().equals(want)).orElse(false));
    }

    @Test
    void theCaseQueryByCardShowsTheFaceCheckWhileTheCasesLoad() throws Exception {
        show();
        assertTrue(find("#face-check", Node.class).isEmpty(), "no face check on the choices");
        flow.fire(new CaseProgressEvent.Identified(new Resident("王建国", "150202198503120016", Resident.Source.ID_CARD,
                LocalDate.of(2036, 1, 1)), LocalDate.of(2016, 1, 1)));
        assertTrue(flow.checkingFace());
        awaitPrompt("face.prompt.moreLight");
        assertNotNull(find("#face-preview", ImageView.class).orElseThrow().getImage());
        assertEquals(FaceCheckView.GUIDING, find("#face-oval", Ellipse.class).orElseThrow().getStroke());
        assertEquals(msg.get(Language.ZH, "cases.faceCheck"), find("#case-message", Label.class).orElseThrow().getText());

        prompt.set(FaceGuideView.Prompt.OK);
        awaitPrompt("face.prompt.ok");
        await().atMost(Duration.ofSeconds(5)).until(() -> FaceCheckView.GOOD.equals(find("#face-oval", Ellipse.class)
                .orElseThrow().getStroke()));
        WaitForAsyncUtils.waitForFxEvents();
        // Every picture handed to the screen was zeroed once decoded (or dropped).
        byte[] first = handedOut.get(0);
        assertTrue(java.util.Arrays.equals(new byte[first.length], first), "the face is not kept in the bytes");

        FaceCheckView view = find("#face-check", FaceCheckView.class).orElseThrow();
        assertTrue(view.polling());
        verified.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> flow.state() instanceof CaseProgressState.CaseList);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(find("#face-check", Node.class).isEmpty(), "the face check leaves with the step");
        assertFalse(view.polling(), "taken off the screen, the view stops asking for the picture");
        assertTrue(asked.get() > 0);
        assertFalse(flow.checkingFace());
        assertInstanceOf(CaseProgressState.CaseList.class, flow.state());
    }
}
