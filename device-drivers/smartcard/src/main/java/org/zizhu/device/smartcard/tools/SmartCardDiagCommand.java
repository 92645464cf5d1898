package org.zizhu.device.smartcard.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.zizhu.device.smartcard.SmartCardException;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.internal.Pcsc;
import org.zizhu.device.smartcard.internal.PcscCardSession;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.technician.EcKeys;
import org.zizhu.device.smartcard.technician.IssuerTrust;
import org.zizhu.device.smartcard.technician.TechnicianAuthResult;
import org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code scripts/kiosk diag smartcard [--reader REGEX] [--pin (--issuer-key FILE | --demo-issuer)]}:
 * lists PC/SC readers, card presence and ATR; with {@code --pin}, reads a PIN from the console
 * (no echo) or the first line of stdin, and tries a technician login on the matched reader.
 * JSON on stdout; exit 0 ok, 1 check failed, 2 bad usage.
 */
public final class SmartCardDiagCommand extends OptionsCommand<SmartCardDiagCommand.Options> {
    private final InputStream stdin;

    public SmartCardDiagCommand() {
        this(System.in);
    }

    public SmartCardDiagCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "smartcard";
    }

    @Override
    public String summary() {
        return "PC/SC readers, card presence and ATR; --pin tries a technician card login";
    }

    @Override
    protected String usageNote() {
        return "(--pin needs --issuer-key FILE or --demo-issuer)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--reader", paramLabel = "REGEX") Pattern reader = Pattern.compile(".*");
        @Option(names = "--pin") boolean pin;
        @Option(names = "--issuer-key", paramLabel = "FILE") Path issuerKey;
        @Option(names = "--demo-issuer") boolean demoIssuer;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        Pattern readerPattern = o.reader;
        boolean login = o.pin;
        if (login && o.issuerKey == null && !o.demoIssuer) {
            throw new UsageException("--pin needs the issuer key to trust: --issuer-key FILE, or --demo-issuer for simulated cards");
        }
        IssuerTrust trust = null;
        if (login) {
            try {
                trust = o.demoIssuer ? DemoCards.demoIssuerTrust()
                        : IssuerTrust.of(EcKeys.publicKeyFromBase64(Files.readString(o.issuerKey).trim()));
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException("cannot read issuer key " + o.issuerKey + ": " + e.getMessage());
            }
        }

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = json.createObjectNode();
        boolean ok = true;
        String matched = null;
        boolean matchedHasCard = false;
        CardTerminals ctx = null;
        try {
            ctx = Pcsc.establish();
            result.put("pcscd", "reachable");
            ArrayNode readers = result.putArray("readers");
            for (CardTerminal t : ctx.list()) {
                ObjectNode r = readers.addObject();
                r.put("name", t.getName());
                boolean isMatch = matched == null && readerPattern.matcher(t.getName()).find();
                r.put("matched", isMatch);
                boolean present = t.isCardPresent();
                r.put("cardPresent", present);
                if (present) {
                    r.put("atr", atr(t));
                }
                if (isMatch) {
                    matched = t.getName();
                    matchedHasCard = present;
                }
            }
            if (matched == null) {
                ok = false;
                err.println("no PC/SC reader matches /" + readerPattern.pattern() + "/");
            }
        } catch (SmartCardException e) {
            ok = false;
            result.put("pcscd", "unreachable");
            result.put("error", e.getMessage());
            err.println(e.getMessage());
        } finally {
            Pcsc.release(ctx);
        }
        result.put("reader", matched);

        if (login && matched != null) {
            char[] pin = readPin(err);
            try {
                if (pin == null || !TechnicianCardAuthenticator.isWellFormedPin(pin)) {
                    throw new UsageException("PIN must be 4-8 digits (typed at the prompt or the first line of stdin)");
                }
                ObjectNode l = result.putObject("login");
                TechnicianAuthResult r;
                if (!matchedHasCard) {
                    r = new TechnicianAuthResult.ReaderError(SmartCardException.Reason.NO_CARD, "no card in " + matched);
                } else {
                    try (PcscCardSession s = PcscCardSession.open(matched, Duration.ofSeconds(5), Duration.ofSeconds(5))) {
                        r = new TechnicianCardAuthenticator(trust).authenticate(s, pin);
                    } catch (SmartCardException e) {
                        r = new TechnicianAuthResult.ReaderError(e.reason(), e.getMessage());
                    }
                }
                l.put("result", r.code());
                if (r instanceof TechnicianAuthResult.Ok okResult) {
                    l.put("role", okResult.role().nameEn());
                    l.put("card", okResult.cardSerialHex());
                } else if (r instanceof TechnicianAuthResult.WrongPin w) {
                    l.put("retriesLeft", w.retriesLeft());
                } else if (r instanceof TechnicianAuthResult.ReaderError re) {
                    l.put("reason", re.reason().name());
                }
                l.put("description", r.description());
                if (!r.success()) {
                    ok = false;
                    err.println("technician login failed: " + r.description());
                }
            } finally {
                if (pin != null) {
                    Arrays.fill(pin, '\0');
                }
            }
        }
        result.put("ok", ok);
        out.println(json.writeValueAsString(result));
        return ok ? 0 : 1;
    }

    private static String atr(CardTerminal t) {
        try {
            Card c = t.connect("*");
            try {
                return Hex.of(c.getATR().getBytes());
            } finally {
                c.disconnect(false);
            }
        } catch (Exception e) {
            return "unreadable";
        }
    }

    private char[] readPin(PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null && stdin == System.in) {
            return console.readPassword("technician card PIN: ");
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.trim().toCharArray();
    }
}
