package org.zizhu.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.technician.EcKeys;

/** Each production rule on its own, against a real-mode configuration that passes all of them. */
class ProductionGuardTest {
    @TempDir
    Path dir;
    Properties production;

    @BeforeEach
    void productionConfiguration() throws Exception {
        Path pinMap = Files.writeString(dir.resolve("gpio.properties"), "gpio.provider=gpiod\ngpio.pin.tamper=6\n");
        production = new Properties();
        production.setProperty("device.mode", "real");
        production.setProperty("central.caFingerprint", "AB:".repeat(31) + "AB");
        production.setProperty("central.enrolmentCode", "");
        production.setProperty("device.smartcard.issuerKey", Base64.getEncoder().encodeToString(EcKeys.generate().getPublic().getEncoded()));
        production.setProperty("device.gpio.pinMap", pinMap.toString());
    }

    private List<ProductionGuard.Violation> with(String key, String value) throws ConfigException {
        Properties p = new Properties();
        p.putAll(production);
        p.setProperty(key, value);
        return ProductionGuard.check(KioskConfig.from(p, "test"));
    }

    /** The one key a change breaks, as named in the violation. */
    private static String onlyKey(List<ProductionGuard.Violation> v) {
        assertEquals(1, v.size(), v.toString());
        return v.get(0).key();
    }

    @Test
    void aProductionConfigurationPasses() throws Exception {
        KioskConfig c = KioskConfig.from(production, "test");
        assertEquals(List.of(), ProductionGuard.check(c));
        ProductionGuard.enforce(c);
        // 'none' (technician login disabled) and devices switched off are allowed too.
        assertEquals(List.of(), with("device.smartcard.issuerKey", "none"));
        assertEquals(List.of(), with("device.smartcard.mode", "off"));
    }

    @Test
    void theDemoIsNotChecked() throws Exception {
        assertEquals(List.of(), ProductionGuard.check(KioskConfig.defaults()));
        assertEquals(List.of(), with("device.mode", "simulated"));
    }

    @Test
    void emptyCaFingerprintNeedsAnExplicitTrustOnFirstUse() throws Exception {
        assertEquals("central.caFingerprint", onlyKey(with("central.caFingerprint", "")));
        Properties p = new Properties();
        p.putAll(production);
        p.setProperty("central.caFingerprint", "");
        p.setProperty("central.trustOnFirstUse", "true");
        assertEquals(List.of(), ProductionGuard.check(KioskConfig.from(p, "test")));
    }

    @Test
    void demoEnrolmentCodeIsRefusedAlsoAsTheDefault() throws Exception {
        assertEquals("central.enrolmentCode", onlyKey(with("central.enrolmentCode", "demo-0000-0001")));
        Properties p = new Properties();
        p.putAll(production);
        p.remove("central.enrolmentCode");
        assertEquals("central.enrolmentCode", onlyKey(ProductionGuard.check(KioskConfig.from(p, "test"))));
        assertEquals(List.of(), with("central.enrolmentCode", "BT7K-Q2MX-9PLA"), "a real one-time code is fine");
    }

    @Test
    void demoTechnicianCardIssuerIsRefused() throws Exception {
        String demo = Base64.getEncoder().encodeToString(DemoCards.demoIssuerKeys().getPublic().getEncoded());
        ProductionGuard.Violation v = with("device.smartcard.issuerKey", demo).get(0);
        assertEquals("device.smartcard.issuerKey", v.key());
        assertTrue(v.message().contains("demo technician-card issuer") && !v.message().contains(demo), v.message());
        // The same key wrapped over lines (MIME base64) is still the demo key.
        assertEquals("device.smartcard.issuerKey", onlyKey(with("device.smartcard.issuerKey",
                Base64.getMimeEncoder().encodeToString(DemoCards.demoIssuerKeys().getPublic().getEncoded()))));
    }

    @Test
    void simulatedSmartCardReaderIsRefused() throws Exception {
        assertEquals("device.smartcard.mode", onlyKey(with("device.smartcard.mode", "simulated")));
    }

    @Test
    void simulatedTamperSwitchIsRefusedWhetherByModeOrByPinMap() throws Exception {
        assertEquals("device.gpio.mode", onlyKey(with("device.gpio.mode", "simulated")));
        Path mock = Files.writeString(dir.resolve("mock-gpio.properties"), "gpio.provider = MOCK\n");
        String key = onlyKey(with("device.gpio.pinMap", mock.toString()));
        assertTrue(key.startsWith("gpio.provider in " + mock) && key.contains("device.gpio.pinMap"), key);
        // A missing pin map is the GPIO's own start-up error (reported as no device), not a simulated switch.
        assertEquals(List.of(), with("device.gpio.pinMap", dir.resolve("missing.properties").toString()));
    }

    @Test
    void enforceNamesEveryViolation() throws Exception {
        Properties p = new Properties();
        p.setProperty("device.mode", "real");
        p.setProperty("device.gpio.mode", "simulated");
        ConfigException e = assertThrows(ConfigException.class, () -> ProductionGuard.enforce(KioskConfig.from(p, "kiosk.properties")));
        for (String key : List.of("central.caFingerprint", "central.enrolmentCode", "device.gpio.mode")) {
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("kiosk.properties: "), e.getMessage());
    }
}
