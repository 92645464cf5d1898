package org.zizhu.device.idcard.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.zizhu.privacy.Masking;
import org.zizhu.device.idcard.Identity;
import org.zizhu.device.idcard.IdCardReaderConfig;
import org.zizhu.device.idcard.MalformedCardDataException;
import org.zizhu.device.idcard.SamBaud;
import org.zizhu.device.idcard.SamClient;
import org.zizhu.device.idcard.SamId;
import org.zizhu.device.idcard.SamLinkException;
import org.zizhu.device.idcard.SamStatus;
import org.zizhu.device.idcard.SamStatusException;
import org.zizhu.tools.OptionsCommand;
import org.zizhu.tools.ToolArgs;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code diag idcard --port PATH [--baud N] [--reveal] [--timeout-ms N] [--fingerprint]}:
 * reads one card and prints the SAM id, the decoded fields (masked unless {@code --reveal})
 * and timings as JSON. Exit 0 read OK, 1 no reader / no answer / no card / read failed,
 * 2 bad usage.
 */
public final class IdCardDiagCommand extends OptionsCommand<IdCardDiagCommand.Options> {
    private final Clock clock;

    public IdCardDiagCommand() {
        this(Clock.systemDefaultZone());
    }

    IdCardDiagCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "idcard";
    }

    @Override
    public String summary() {
        return "read one resident ID card through the SAM reader and print its fields (masked) and timings";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options {
        @Option(names = "--port", paramLabel = "PATH", required = true) String port;
        @Option(names = "--baud", paramLabel = "115200|57600|38400|19200|9600") int baud = 115200;
        @Option(names = "--timeout-ms", paramLabel = "N") int timeoutMs = 1000;
        @Option(names = "--reveal") boolean reveal;
        @Option(names = "--fingerprint") boolean fingerprint;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws Exception {
        IdCardReaderConfig cfg;
        try {
            cfg = IdCardReaderConfig.builder().portPath(o.port).baud(SamBaud.of(o.baud))
                    .readTimeout(Duration.ofMillis(ToolArgs.inRange("--timeout-ms", o.timeoutMs, 10, 30_000)))
                    .retries(1).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e);
        }

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ObjectNode timings = json.createObjectNode();
        root.put("port", cfg.portPath());
        root.put("baud", cfg.baud().bitsPerSecond());
        root.put("masked", !o.reveal);
        long start = System.nanoTime();
        long t = start;
        SamClient client;
        try {
            client = SamClient.open(cfg, null);
        } catch (SamLinkException e) {
            err.println("diag idcard: no reader: " + e.getMessage());
            return fail(json, root, out, "no-reader", e.tag());
        }
        try (client) {
            t = lap(timings, "openMs", t);
            SamStatus health = client.samStatus();
            t = lap(timings, "samStatusMs", t);
            root.put("samStatus", health.name());
            root.put("samStatusCode", String.format("0x%02X", health.code() & 0xFF));
            if (!health.isSuccess()) {
                err.println("diag idcard: the SAM reports " + health + ": " + health.meaning());
                root.set("timings", timings);
                return fail(json, root, out, "sam-fault", health.tag());
            }
            try {
                SamId id = client.samId();
                root.put("samId", id.formatted());
                root.put("samIdHex", id.hex());
            } catch (SamStatusException | MalformedCardDataException e) {
                root.put("samId", "unavailable: " + e.getMessage());
            }
            t = lap(timings, "samIdMs", t);
            long exchange0 = System.nanoTime();
            long bytes0 = client.bytesSent() + client.bytesReceived();
            if (!client.findCard()) {
                err.println("diag idcard: no card on the reader (find card answered 0x80); place a card and run again");
                root.set("timings", timings);
                return fail(json, root, out, "no-card", SamStatus.FIND_CARD_FAILED.tag());
            }
            t = lap(timings, "findMs", t);
            client.selectCard();
            t = lap(timings, "selectMs", t);
            Identity identity = client.readIdentity(o.fingerprint);
            t = lap(timings, "readMs", t);
            long bytes = client.bytesSent() + client.bytesReceived() - bytes0;
            timings.put("exchangeMs", ms(System.nanoTime() - exchange0));
            timings.put("totalMs", ms(System.nanoTime() - start));
            timings.put("wireBytes", bytes);
            timings.put("wireTimeMs", ms(bytes * cfg.baud().nanosPerByte()));
            try {
                root.set("card", card(json, identity, o.reveal));
            } finally {
                identity.wipe();
            }
            root.set("timings", timings);
            root.put("ok", true);
            out.println(json.writeValueAsString(root));
            return 0;
        } catch (SamLinkException e) {
            err.println("diag idcard: the reader did not answer properly: " + e.getMessage());
            root.set("timings", timings);
            return fail(json, root, out, "link", e.tag());
        } catch (SamStatusException e) {
            err.println("diag idcard: " + e.getMessage());
            root.set("timings", timings);
            return fail(json, root, out, "card", e.status().tag());
        } catch (MalformedCardDataException e) {
            err.println("diag idcard: card data could not be decoded: " + e.getMessage());
            root.set("timings", timings);
            return fail(json, root, out, "card", "malformed-card-data");
        }
    }

    private ObjectNode card(ObjectMapper json, Identity id, boolean reveal) {
        ObjectNode c = json.createObjectNode();
        c.put("type", id.cardType().name());
        c.put("typeName", id.cardType().chineseName());
        c.put("name", reveal ? id.name() : Masking.name(id.name()));
        if (!id.englishName().isEmpty()) {
            c.put("englishName", reveal ? id.englishName() : Masking.name(id.englishName()));
        }
        c.put("gender", id.gender().chineseName());
        id.nation().ifPresent(n -> c.put("nation", n.shortName()));
        LocalDate birth = id.birthDate();
        c.put("birthDate", reveal ? birth.toString() : birth.getYear() + "-**-**");
        if (!id.address().isEmpty()) {
            c.put("address", reveal ? id.address() : maskAddress(id.address()));
        }
        c.put("idNumber", reveal ? id.idNumber() : Masking.idNumber(id.idNumber()));
        if (!id.issuingAuthority().isEmpty()) {
            c.put("issuingAuthority", id.issuingAuthority());
        }
        c.put("validFrom", id.validity().from().toString());
        c.put("validTo", id.validity().isLongTerm() ? "长期" : id.validity().until().toString());
        c.put("validityToday", id.validityAt(clock).name());
        putIf(c, "passNumber", reveal ? id.passNumber() : Masking.idNumber(id.passNumber()));
        putIf(c, "issueCount", id.issueCount());
        putIf(c, "renewalCount", id.renewalCount());
        putIf(c, "nationality", id.nationality());
        putIf(c, "cardVersion", id.cardVersion());
        putIf(c, "acceptanceAuthorityCode", id.acceptanceAuthorityCode());
        c.put("photoBytes", id.photoWlt().length);
        c.put("fingerprintBytes", id.fingerprint().length);
        return c;
    }

    private static void putIf(ObjectNode c, String k, String v) {
        if (v != null && !v.isEmpty()) {
            c.put(k, v);
        }
    }

    /** Keeps the first three characters (the province) of an address. */
    static String maskAddress(String a) {
        int n = a.codePointCount(0, a.length());
        int keep = Math.min(3, n);
        int cut = a.offsetByCodePoints(0, keep);
        return a.substring(0, cut) + "*".repeat(Math.max(1, n - keep));
    }

    private static int fail(ObjectMapper json, ObjectNode root, PrintStream out, String stage, String reason) throws Exception {
        root.put("ok", false);
        root.put("failedAt", stage);
        root.put("reason", reason);
        out.println(json.writeValueAsString(root));
        return 1;
    }

    private static long lap(ObjectNode timings, String key, long since) {
        long now = System.nanoTime();
        timings.put(key, ms(now - since));
        return now;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
