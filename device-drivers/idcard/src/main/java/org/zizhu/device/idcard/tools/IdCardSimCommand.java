package org.zizhu.device.idcard.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.zizhu.device.idcard.SamBaud;
import org.zizhu.device.idcard.SamCommand;
import org.zizhu.device.idcard.SamStatus;
import org.zizhu.device.idcard.sim.SamSimulator;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code sim idcard [--port PATH] [--baud N] [--no-pacing] [--hold]}: runs the SAM reader
 * simulator on a fresh socat pty pair (or on a given port) and takes scenario commands from
 * standard input, one per line. Prints the port the driver should open, then one JSON line per
 * command. End of input quits unless {@code --hold} is given (then it runs until killed).
 */
public final class IdCardSimCommand extends OptionsCommand<IdCardSimCommand.Options> {
    static final String HELP = """
            commands:
              place resident|rarename|longterm|expired|permit|foreign2017|foreign2023
              remove                      take the card away
              fail read|select|find [STATUS]  answer that command with a failure (e.g. READ_FAILED, 41)
              fail once read|select [STATUS]  fail only the next one
              self-test-fail | self-test-ok   SAM health answer
              corrupt N                   next N replies with a wrong checksum
              truncate N                  next reply cut after N bytes
              slow MS                     add MS of processing time before each reply
              silence | talk              stop / resume answering
              unplug | replug             kill / restart socat (pty pair only)
              garbage                     write line noise now
              clear                       clear failures, silence and delays
              status                      show state
              quit""";

    private final InputStream in;

    public IdCardSimCommand() {
        this(System.in);
    }

    IdCardSimCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Kind kind() {
        return Kind.SIM;
    }

    @Override
    public String name() {
        return "idcard";
    }

    @Override
    public String summary() {
        return "SAM ID card reader simulator on a socat pty pair; place cards from stdin (place resident, remove, quit)";
    }

    @Override
    protected String usageNote() {
        return "(then on stdin: place CARD | remove | quit)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--port", paramLabel = "PATH") String port;
        @Option(names = "--baud", paramLabel = "N") int baud = 115200;
        @Option(names = "--no-pacing") boolean noPacing;
        @Option(names = "--hold") boolean hold;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        SamBaud baud;
        try {
            baud = SamBaud.of(o.baud);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e);
        }
        ObjectMapper json = new ObjectMapper();
        SamSimulator sim;
        try {
            sim = o.port == null ? SamSimulator.startOnPtyPair(baud) : SamSimulator.startOnPort(o.port, baud);
        } catch (java.io.IOException e) {
            err.println("sim idcard: " + e.getMessage());
            return 1;
        }
        try (sim) {
            sim.setPacing(!o.noPacing);
            ObjectNode ready = json.createObjectNode();
            ready.put("event", "ready");
            ready.put("hostPort", sim.hostPortPath());
            ready.put("devicePort", sim.devicePortPath());
            ready.put("baud", baud.bitsPerSecond());
            out.println(json.writeValueAsString(ready));
            out.flush();
            err.println("SAM simulator running. Point the driver at: "
                    + (sim.hostPortPath() != null ? sim.hostPortPath() : "the other end of " + sim.devicePortPath()));
            err.println(HELP);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.equals("quit") || line.equals("exit")) {
                    break;
                }
                ObjectNode ack = json.createObjectNode();
                ack.put("command", line);
                try {
                    String result = apply(sim, line);
                    ack.put("ok", true);
                    ack.put("result", result);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    ack.put("ok", false);
                    ack.put("error", e.getMessage());
                    err.println("sim idcard: " + e.getMessage());
                }
                out.println(json.writeValueAsString(ack));
                out.flush();
            }
            if (o.hold) {
                err.println("input ended; holding (--hold) until killed");
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        return 0;
    }

    static String apply(SamSimulator sim, String line) {
        String[] w = line.split("\\s+");
        String cmd = w[0].toLowerCase(Locale.ROOT);
        switch (cmd) {
            case "place" -> {
                TestCards c = TestCards.byName(arg(w, 1, "place needs a card: resident, permit, foreign2017, foreign2023, expired ..."));
                sim.placeCard(c);
                return "placed " + c.name();
            }
            case "remove" -> {
                sim.removeCard();
                return "removed";
            }
            case "fail" -> {
                boolean once = w.length > 1 && w[1].equalsIgnoreCase("once");
                int i = once ? 2 : 1;
                SamCommand target = switch (arg(w, i, "fail needs read, select or find").toLowerCase(Locale.ROOT)) {
                    case "read" -> SamCommand.READ_TEXT_AND_PHOTO;
                    case "select" -> SamCommand.SELECT_CARD;
                    case "find" -> SamCommand.FIND_CARD;
                    default -> throw new IllegalArgumentException("fail needs read, select or find");
                };
                SamStatus st = w.length > i + 1 ? status(w[i + 1]) : switch (target) {
                    case SELECT_CARD -> SamStatus.SELECT_CARD_FAILED;
                    case FIND_CARD -> SamStatus.FIND_CARD_FAILED;
                    default -> SamStatus.READ_FAILED;
                };
                if (once) {
                    sim.failNext(target, st, 1);
                } else {
                    sim.failAlways(target, st);
                    if (target == SamCommand.READ_TEXT_AND_PHOTO) {
                        sim.failAlways(SamCommand.READ_TEXT_PHOTO_FINGERPRINT, st);
                    }
                }
                return target + " -> " + st + (once ? " once" : " until clear");
            }
            case "self-test-fail" -> {
                sim.setSamHealth(SamStatus.SAM_SELF_TEST_FAILED);
                return "SAM status answers 0x60";
            }
            case "self-test-ok" -> {
                sim.setSamHealth(SamStatus.SUCCESS);
                return "SAM status answers 0x90";
            }
            case "corrupt" -> {
                sim.corruptNextReplies(number(w, 1));
                return "corrupting next " + number(w, 1) + " replies";
            }
            case "truncate" -> {
                sim.truncateNextReplies(1, number(w, 1));
                return "next reply cut after " + number(w, 1) + " bytes";
            }
            case "slow" -> {
                sim.setReplyDelay(Duration.ofMillis(number(w, 1)));
                return "reply delay " + number(w, 1) + " ms";
            }
            case "silence" -> {
                sim.setSilent(true);
                return "silent";
            }
            case "talk" -> {
                sim.setSilent(false);
                return "answering";
            }
            case "unplug" -> {
                sim.unplug();
                return "unplugged";
            }
            case "replug" -> {
                try {
                    sim.replug();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e.getMessage());
                }
                return "plugged in at " + sim.hostPortPath();
            }
            case "garbage" -> {
                sim.injectBytes(new byte[] {0x00, (byte) 0xAA, (byte) 0xAA, 0x13, (byte) 0x96, (byte) 0xFF, 0x69});
                return "wrote 7 bytes of noise";
            }
            case "clear" -> {
                sim.clearFailures();
                return "cleared";
            }
            case "status" -> {
                TestCards c = sim.currentCard();
                return "card=" + (c == null ? (sim.hasCard() ? "custom" : "none") : c.name())
                        + " plugged=" + sim.isPluggedIn() + " baud=" + sim.baud().bitsPerSecond();
            }
            case "help" -> {
                return HELP;
            }
            default -> throw new IllegalArgumentException("unknown command '" + w[0] + "'; type help");
        }
    }

    private static String arg(String[] w, int i, String msg) {
        if (w.length <= i) {
            throw new IllegalArgumentException(msg);
        }
        return w[i];
    }

    private static int number(String[] w, int i) {
        try {
            int n = Integer.parseInt(arg(w, i, w[0] + " needs a number"));
            if (n < 0 || n > 600_000) {
                throw new IllegalArgumentException(w[0] + " needs a number 0..600000");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(w[0] + " needs a number");
        }
    }

    private static SamStatus status(String s) {
        try {
            return SamStatus.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            try {
                SamStatus st = SamStatus.fromCode(Integer.parseInt(s.replaceFirst("^0[xX]", ""), 16));
                if (st != SamStatus.UNRECOGNISED) {
                    return st;
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
            throw new IllegalArgumentException("unknown status '" + s + "' (a SamStatus name or hex code such as 41)");
        }
    }
}
