package org.zizhu.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.zizhu.kiosk.Main;
import org.zizhu.tools.ToolCommand;

/**
 * Every technician command the launcher finds answers {@code --help} and {@code -h} with its
 * usage on stdout and exit 0, without doing anything else, and a made-up option with exit 2
 * and the usage on stderr: a technician in front of a broken kiosk must never have to guess.
 */
class ToolHelpTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Main.run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpAndRefusesUnknownOptions() {
        List<ToolCommand> commands = ServiceLoader.load(ToolCommand.class).stream().map(ServiceLoader.Provider::get).toList();
        assertTrue(commands.size() >= 16, "all modules' commands are found: " + commands.size());
        return commands.stream().map(c -> DynamicTest.dynamicTest(c.kind() + " " + c.name(), () -> {
            String verb = c.kind().name().toLowerCase(Locale.ROOT);
            for (String flag : List.of("--help", "-h")) {
                Run help = run(verb, c.name(), flag);
                assertEquals(0, help.code(), flag + ": " + help.err());
                assertTrue(help.out().startsWith("usage: kiosk " + verb + " " + c.name()), help.out());
                assertFalse(help.out().contains("unknown"), help.out());
            }
            Run bad = run(verb, c.name(), "--no-such-option-zz");
            assertEquals(2, bad.code(), "unknown option: out=" + bad.out() + " err=" + bad.err());
            assertTrue(bad.err().contains("usage: kiosk " + verb + " " + c.name()), bad.err());
        }));
    }
}
