package org.zizhu.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.kiosk.cli.DiagConfigCommand;

class KioskConfigTest {
    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void defaultsAreValidAndAbsentKeysTakeThem() throws Exception {
        KioskConfig c = KioskConfig.load(write("terminal.id=T-42\n"));
        assertEquals("T-42", c.get(ConfigKey.TERMINAL_ID));
        assertEquals(90, c.seconds(ConfigKey.UI_IDLE_TIMEOUT_S).toSeconds());
        assertEquals("simulated", c.deviceMode(ConfigKey.IDCARD_MODE));
        assertEquals(KioskConfig.defaults().get(ConfigKey.CENTRAL_URL), c.get(ConfigKey.CENTRAL_URL));
    }

    @Test
    void unknownKeyNamesKeyAndFileWithSuggestion() throws Exception {
        Path f = write("ui.idleTimeoutSecs=30\n");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'ui.idleTimeoutSecs'"), e.getMessage());
        Path g = write("UI.LANGUAGE=en\n");
        ConfigException e2 = assertThrows(ConfigException.class, () -> KioskConfig.load(g));
        assertTrue(e2.getMessage().contains("did you mean 'ui.language'"), e2.getMessage());
    }

    @Test
    void badValuesNameTheKeyAndTheRule() throws Exception {
        for (String[] bad : new String[][] {
                {"central.url=ftp://x", "central.url"},
                {"central.url=not a url", "central.url"},
                {"ui.idleTimeoutSeconds=5", "ui.idleTimeoutSeconds"},
                {"ui.idleTimeoutSeconds=abc", "ui.idleTimeoutSeconds"},
                {"ui.language=fr", "ui.language"},
                {"terminal.id=has space", "terminal.id"},
                {"device.idcard.baud=12345", "device.idcard.baud"},
                {"ui.screenDiagonalInches=NaN", "ui.screenDiagonalInches"},
                {"data.dir=", "data.dir"}}) {
            Path f = write(bad[0] + "\n");
            ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(f), bad[0]);
            assertTrue(e.getMessage().contains("'" + bad[1] + "'") && e.getMessage().contains(f.toString()), e.getMessage());
        }
    }

    @Test
    void missingAndUndecodableFilesAreClearErrors() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> KioskConfig.load(dir.resolve("nope.properties")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path f = dir.resolve("latin1.properties");
        Files.write(f, new byte[] {'u', 'i', '.', 'l', 'a', 'n', 'g', 'u', 'a', 'g', 'e', '=', (byte) 0xE9, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(f));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void exampleFileDocumentsEveryKeyWithItsDefault() throws Exception {
        Path example = example("kiosk.properties.example");
        Properties p = properties(example);
        for (ConfigKey k : ConfigKey.values()) {
            assertEquals(k.defaultValue(), p.getProperty(k.key()), "example file entry for " + k.key());
        }
        assertEquals(ConfigKey.values().length, p.size(), "example file has keys the kiosk does not know");
        KioskConfig.load(example);
    }

    /** A file of the repository's config/ (the package ships them as examples). */
    private static Path example(String name) {
        return Path.of(System.getProperty("user.dir")).getParent().resolve("config").resolve(name);
    }

    private static Properties properties(Path file) throws java.io.IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The pin map shipped beside it (the package's examples) is one GpioConfig accepts, every pin wired. */
    @Test
    void gpioExampleIsAValidPinMap() throws Exception {
        org.zizhu.device.gpio.GpioConfig c = org.zizhu.device.gpio.GpioConfig.fromProperties(properties(example("gpio.properties.example")));
        assertEquals(org.zizhu.device.gpio.GpioConfig.Provider.GPIOD, c.provider());
        assertEquals(6, c.pins().size(), "every role wired: " + c.pins());
        assertEquals(17, c.pin(org.zizhu.device.gpio.PinRole.LIGHT_RED));
        assertTrue(c.activeLow(org.zizhu.device.gpio.PinRole.RELAY));
    }

    @Test
    void diagConfigReportsErrorsWithoutStackTrace() throws Exception {
        Path f = write("heartbeat.intervalSeconds=-1\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DiagConfigCommand().run(List.of("--config", f.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("heartbeat.intervalSeconds") && !msg.contains("\tat "), msg);
    }
}
