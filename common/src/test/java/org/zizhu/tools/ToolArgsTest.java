package org.zizhu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rules every technician command's arguments follow, since they all go through ToolArgs. */
class ToolArgsTest {
    static final class Options {
        @Option(names = "--port", paramLabel = "PATH", required = true) String port;
        @Option(names = "--baud", paramLabel = "N") int baud = 115200;
        @Option(names = "--reveal") boolean reveal;
        @Parameters(arity = "0..1", paramLabel = "KIND") String kind;
    }

    static final class Scene {
        @ArgGroup(multiplicity = "1") Choice choice;

        static final class Choice {
            @Option(names = "--qr", paramLabel = "TEXT") String qr;
            @Option(names = "--face") boolean face;
        }
    }

    private static Options parse(String... args) throws UsageException {
        Options o = new Options();
        assertFalse(ToolArgs.parse(o, List.of(args)));
        return o;
    }

    private static String error(Object options, String... args) {
        return assertThrows(UsageException.class, () -> ToolArgs.parse(options, List.of(args))).getMessage();
    }

    @Test
    void typedValuesDefaultsAndBothSpellingsOfAValue() throws Exception {
        Options o = parse("--port", "/dev/ttyUSB0", "--reveal", "resident");
        assertEquals("/dev/ttyUSB0", o.port);
        assertEquals(115200, o.baud);
        assertTrue(o.reveal);
        assertEquals("resident", o.kind);
        assertEquals(9600, parse("--port=/dev/x", "--baud=9600").baud);
    }

    @Test
    void usageErrorsNameTheOption() {
        assertTrue(error(new Options(), "--port", "x", "--no-such-option").contains("--no-such-option"));
        assertTrue(error(new Options()).contains("--port"), "required");
        assertEquals("Unknown option: '--prot'", error(new Options(), "--prot", "x"), "a typo, not a missing --port");
        assertTrue(error(new Options(), "--port").contains("--port"), "no value");
        assertTrue(error(new Options(), "--port", "x", "--baud", "fast").contains("fast"), "not a number");
        assertTrue(error(new Options(), "--port", "x", "a", "b").contains("'b'"), "one positional only");
        assertTrue(error(new Scene()).contains("--qr"), "one of the group is required");
        assertTrue(error(new Scene(), "--qr", "t", "--face").contains("mutually exclusive"));
    }

    @Test
    void helpIsAnsweredEvenWithoutTheRequiredOptions() throws Exception {
        assertTrue(ToolArgs.parse(new Options(), List.of("--help")));
        assertTrue(ToolArgs.parse(new Scene(), List.of("-h")));
    }

    @Test
    void theLastOfARepeatedOptionWinsAndAtIsJustACharacter() throws Exception {
        assertEquals("b", parse("--port", "a", "--port", "b").port);
        // picocli would otherwise read more arguments from the file named after the @.
        assertEquals("@/etc/passwd", parse("--port", "@/etc/passwd").port);
    }

    @Test
    void synopsisInDeclarationOrderWithSpaces() {
        assertEquals("--port PATH [--baud N] [--reveal] [KIND]", ToolArgs.synopsis(new Options()));
        assertEquals("(--qr TEXT | --face)", ToolArgs.synopsis(new Scene()));
    }

    @Test
    void rangeCheck() throws Exception {
        assertEquals(5, ToolArgs.inRange("--seconds", 5, 1, 300));
        assertEquals("--seconds must be 1..300, got 0",
                assertThrows(UsageException.class, () -> ToolArgs.inRange("--seconds", 0, 1, 300)).getMessage());
    }

    /** A command built on OptionsCommand answers help, usage errors and its own checks alike. */
    @Test
    void optionsCommandExitCodesAndStreams() throws Exception {
        OptionsCommand<Options> c = new OptionsCommand<>() {
            @Override
            public Kind kind() {
                return Kind.DIAG;
            }

            @Override
            public String name() {
                return "thing";
            }

            @Override
            public String summary() {
                return "does a thing";
            }

            @Override
            protected Options options() {
                return new Options();
            }

            @Override
            protected int run(Options o, PrintStream out, PrintStream err) throws UsageException {
                if (o.baud == 1) {
                    throw new UsageException("--baud 1 is too slow");
                }
                out.println("port " + o.port);
                return o.reveal ? 1 : 0;
            }
        };
        assertEquals("--port PATH [--baud N] [--reveal] [KIND]", c.usage());
        String[] outErr = new String[2];
        assertEquals(0, run(c, outErr, "--port", "p"));
        assertEquals("port p\n", outErr[0]);
        assertEquals(1, run(c, outErr, "--port", "p", "--reveal"));
        assertEquals(0, run(c, outErr, "-h"));
        assertEquals("usage: diag thing --port PATH [--baud N] [--reveal] [KIND]\n  does a thing\n", outErr[0]);
        assertEquals(2, run(c, outErr, "--bogus"));
        assertTrue(outErr[1].startsWith("diag thing: ") && outErr[1].contains("--bogus"), outErr[1]);
        assertTrue(outErr[1].contains("usage: diag thing --port PATH"), outErr[1]);
        assertEquals(2, run(c, outErr, "--port", "p", "--baud", "1"));
        assertTrue(outErr[1].startsWith("diag thing: --baud 1 is too slow\n"), outErr[1]);
        assertEquals("", outErr[0]);
        // Each run starts from the defaults: the --reveal of an earlier run is gone.
        assertEquals(0, run(c, outErr, "--port", "q"));
    }

    private static int run(ToolCommand c, String[] outErr, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        outErr[0] = out.toString(StandardCharsets.UTF_8);
        outErr[1] = err.toString(StandardCharsets.UTF_8);
        return code;
    }
}
