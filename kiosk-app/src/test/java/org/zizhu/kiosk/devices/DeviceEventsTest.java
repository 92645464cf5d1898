package org.zizhu.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.gpio.LightPattern;
import org.zizhu.kiosk.TestKiosk;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.flow.StatusLight;
import org.zizhu.kiosk.flow.TerminalDevices;

class DeviceEventsTest {
    /** The status link central-sim's seeded case would carry on its receipt (PrintData's link). */
    static final String RECEIPT_LINK = "https://zwfw.example.gov.cn/cases/ZW-20250301-000001";
    /** central-sim's seeded mobile-app login code. */
    static final String LOGIN_CODE = "zizhu:login:v1:QRDEMO-wangjianguo-0001";

    @TempDir
    Path data;

    @Test
    void everyKioskLightHasItsOwnGpioPattern() {
        Set<LightPattern> used = EnumSet.noneOf(LightPattern.class);
        for (StatusLight l : StatusLight.values()) {
            LightPattern p = DeviceEvents.pattern(l);
            assertEquals(l.name(), p.name(), "same meaning, same name");
            used.add(p);
        }
        assertEquals(StatusLight.values().length, used.size(), "no two kiosk lights look alike");
    }

    /** A watch driven by the test; {@code frames} counts the frames the scan looked at. */
    static final class Watch implements TerminalDevices.CaseCodeWatch {
        volatile boolean wanted = true;
        volatile boolean logins;
        volatile boolean caseCodes;
        final AtomicInteger frames = new AtomicInteger();
        final List<String> tokens = new CopyOnWriteArrayList<>();
        final List<String> caseNumbers = new CopyOnWriteArrayList<>();

        @Override
        public boolean wanted() {
            return wanted;
        }

        @Override
        public boolean accepting() {
            frames.incrementAndGet();
            return logins;
        }

        @Override
        public void token(String loginToken) {
            tokens.add(loginToken);
        }

        @Override
        public boolean acceptingCaseCode() {
            return caseCodes;
        }

        @Override
        public void caseNumber(String caseNumber) {
            caseNumbers.add(caseNumber);
        }

        /** Waits until the scan has looked at {@code n} more frames (each a full decode). */
        void awaitFrames(int n) {
            int target = frames.get() + n;
            await().atMost(Duration.ofSeconds(30)).until(() -> frames.get() >= target);
        }
    }

    private DeviceHub cameraOnly() throws Exception {
        return DeviceHub.start(TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.DEVICE_MODE, "simulated").with(ConfigKey.CAMERA_MODE, "simulated")
                .with(ConfigKey.IDCARD_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off").with(ConfigKey.A4_MODE, "off")
                .with(ConfigKey.SMARTCARD_MODE, "off").with(ConfigKey.GPIO_MODE, "off"));
    }

    /**
     * ffmpeg as the camera shows a foreign URL, then an acceptance receipt's QR code: only the
     * receipt's case number is handed over, once while it stays in view, and a login code is taken
     * by the same scan when the flow waits for an identity.
     */
    @Test
    void theCaseCodeScanHandsOverTheReceiptsCaseNumberOnceAndLoginCodes() throws Exception {
        try (DeviceHub hub = cameraOnly()) {
            var camera = hub.simulators().camera().orElseThrow();
            Watch watch = new Watch();
            watch.caseCodes = true;
            camera.showQr("https://pay.example.com/q/ZW-20250301-000001");
            TerminalDevices.LoginScan scan = new DeviceEvents(hub).watchForCaseCode(watch, Duration.ofMinutes(2));
            try {
                watch.awaitFrames(5);
                camera.showQr(RECEIPT_LINK);
                await().atMost(Duration.ofSeconds(30)).until(() -> !watch.caseNumbers.isEmpty());
                watch.awaitFrames(10); // the receipt stays in front of the camera
                assertEquals(List.of("ZW-20250301-000001"), watch.caseNumbers, "the number only, once, nothing from the foreign URL");

                watch.caseCodes = false;
                watch.logins = true;
                camera.showQr(LOGIN_CODE);
                await().atMost(Duration.ofSeconds(30)).until(() -> !watch.tokens.isEmpty());
                assertEquals(List.of("QRDEMO-wangjianguo-0001"), watch.tokens);
                assertEquals(1, watch.caseNumbers.size(), "no case code handed over while none is wanted");

                watch.logins = false;
                watch.caseCodes = true;
                camera.showQr(RECEIPT_LINK); // out of sight since the login code: handed over again
                await().atMost(Duration.ofSeconds(30)).until(() -> watch.caseNumbers.size() == 2);
            } finally {
                scan.stop();
            }
        }
    }

    @Test
    void theLoginScanIgnoresReceiptCodes() throws Exception {
        try (DeviceHub hub = cameraOnly()) {
            var camera = hub.simulators().camera().orElseThrow();
            Watch watch = new Watch();
            watch.logins = true;
            watch.caseCodes = true; // a login-code scan does not ask
            camera.showQr(RECEIPT_LINK);
            TerminalDevices.LoginScan scan = new DeviceEvents(hub).watchForLoginCode(watch, Duration.ofMinutes(2));
            try {
                watch.awaitFrames(10);
                assertEquals(List.of(), watch.caseNumbers);
                assertEquals(List.of(), watch.tokens);
                camera.showQr(LOGIN_CODE);
                await().atMost(Duration.ofSeconds(30)).until(() -> !watch.tokens.isEmpty());
                assertEquals(List.of("QRDEMO-wangjianguo-0001"), watch.tokens);
            } finally {
                scan.stop();
            }
        }
    }

    /** central-sim's seeded electronic business license of 包头市鹿城智联科技有限公司. */
    static final String E_BUSINESS_LICENSE = "ZZEBL1:91150203MA0N7LC8XD:20210315:A1874FD52C21B457";

    /** A login scan for an enterprise item: after the login it goes on, and takes the business license's code. */
    static final class EnterpriseWatch implements TerminalDevices.LoginCodeWatch {
        volatile boolean logins = true;
        volatile boolean enterprises;
        final List<String> tokens = new CopyOnWriteArrayList<>();
        final List<String> licenses = new CopyOnWriteArrayList<>();

        @Override
        public boolean wanted() {
            return true;
        }

        @Override
        public boolean accepting() {
            return logins;
        }

        @Override
        public void token(String loginToken) {
            tokens.add(loginToken);
        }

        @Override
        public boolean scansForEnterprise() {
            return true;
        }

        @Override
        public boolean acceptingEnterpriseCode() {
            return enterprises;
        }

        @Override
        public void enterpriseCode(String payload) {
            licenses.add(payload);
        }
    }

    /**
     * ffmpeg as the camera: the login code is taken, the scan goes on (an enterprise item), and
     * once the enterprise is being chosen the electronic business license's code is handed over
     * whole, never while it is not wanted.
     */
    @Test
    void anEnterpriseItemsScanTakesTheLoginThenTheBusinessLicense() throws Exception {
        try (DeviceHub hub = cameraOnly()) {
            var camera = hub.simulators().camera().orElseThrow();
            EnterpriseWatch watch = new EnterpriseWatch();
            TerminalDevices.LoginScan scan = new DeviceEvents(hub).watchForLoginCode(watch, Duration.ofMinutes(2));
            try {
                camera.showQr(E_BUSINESS_LICENSE);
                camera.showQr(LOGIN_CODE);
                await().atMost(Duration.ofSeconds(30)).until(() -> !watch.tokens.isEmpty());
                assertEquals(List.of(), watch.licenses, "no license taken while a login is awaited");
                watch.logins = false;
                watch.enterprises = true;
                camera.showQr(E_BUSINESS_LICENSE);
                await().atMost(Duration.ofSeconds(30)).until(() -> !watch.licenses.isEmpty());
                assertEquals(E_BUSINESS_LICENSE, watch.licenses.get(0));
                assertEquals(List.of("QRDEMO-wangjianguo-0001"), watch.tokens);
            } finally {
                scan.stop();
            }
        }
    }

    /** Kiosk events recorded in order (the test's view of the flow). */
    static final class Recorder implements org.zizhu.kiosk.flow.TerminalEvents {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void residentCardRead(org.zizhu.kiosk.session.Resident resident, java.time.LocalDate validFrom) {
            seen.add("read");
            resident.wipe();
        }

        @Override
        public void cardProblem() {
            seen.add("problem");
        }

        @Override
        public void cardRemoved() {
            seen.add("removed");
        }

        @Override
        public void technicianCardInserted() {
            seen.add("technician-in");
        }

        @Override
        public void technicianCardRemoved() {
            seen.add("technician-out");
        }

        @Override
        public void helpRequested() {
            seen.add("help");
        }

        @Override
        public void tamperChanged(boolean open) {
            seen.add("tamper");
        }
    }

    /**
     * The SAM simulator on a socat pty: a card placed is read and becomes a resident, and taking it
     * off the reader reaches the kiosk as {@code cardRemoved} (which ends the take-your-card reminder).
     */
    @Test
    void theSimulatedReadersCardRemovalReachesTheKiosk() throws Exception {
        try (DeviceHub hub = DeviceHub.start(TestKiosk.config("http://127.0.0.1:9/api/v1", data)
                .with(ConfigKey.DEVICE_MODE, "simulated").with(ConfigKey.IDCARD_MODE, "simulated")
                .with(ConfigKey.CAMERA_MODE, "off").with(ConfigKey.RECEIPT_MODE, "off").with(ConfigKey.A4_MODE, "off")
                .with(ConfigKey.SMARTCARD_MODE, "off").with(ConfigKey.GPIO_MODE, "off"))) {
            Recorder kiosk = new Recorder();
            new DeviceEvents(hub).addListener(kiosk);
            var reader = hub.simulators().idcard().orElseThrow();
            reader.placeCard(org.zizhu.device.idcard.sim.TestCards.RESIDENT);
            await().atMost(Duration.ofSeconds(10)).until(() -> kiosk.seen.contains("read"));
            assertEquals(List.of("read"), kiosk.seen, "placed and read: no removal yet");
            reader.removeCard();
            await().atMost(Duration.ofSeconds(10)).until(() -> kiosk.seen.contains("removed"));
            assertEquals(List.of("read", "removed"), kiosk.seen);
        }
    }
}
