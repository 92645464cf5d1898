package org.zizhu.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.kiosk.outbox.Outbox;
import picocli.CommandLine.Option;
import org.zizhu.kiosk.central.CentralClient;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.central.LinkState;
import org.zizhu.kiosk.storage.SecureFiles;
import org.zizhu.kiosk.central.TerminalCredentials;

/**
 * {@code diag central [--config FILE] [--no-probe] [--requeue SEQ] [--discard SEQ]}: enrolment
 * state, link health (one probe call), outbox depth per kind and dead letters, as JSON; and
 * the operator actions on dead letters. Exit 1 if not enrolled, the link is down, or dead
 * letters wait for an operator.
 */
public final class DiagCentralCommand extends ConfiguredCommand<DiagCentralCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "central";
    }

    @Override
    public String summary() {
        return "central link: enrolment, link health, outbox depth and dead letters (--requeue/--discard SEQ)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options extends ConfigFileOption {
        @Option(names = "--no-probe") boolean noProbe;
        @Option(names = "--requeue", paramLabel = "SEQ") Long requeue;
        @Option(names = "--discard", paramLabel = "SEQ") Long discard;
    }

    @Override
    protected int run(KioskConfig config, Options options, PrintStream out, PrintStream err) throws Exception {
        boolean probe = !options.noProbe;
        Long requeue = options.requeue;
        Long discard = options.discard;
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        int code = 0;
        try (KioskRuntime rt = KioskRuntime.open(config)) {
            CentralClient client = rt.client();
            o.put("centralUrl", config.get(ConfigKey.CENTRAL_URL));
            o.put("mode", client.usesTls() ? "mutual-tls" : "plain-http-development");
            o.put("terminalId", client.terminalId());
            ObjectNode en = o.putObject("enrolment");
            Optional<TerminalCredentials> creds = client.usesTls() ? TerminalCredentials.load(config.dataDir()) : Optional.empty();
            en.put("required", client.usesTls());
            en.put("enrolled", creds.isPresent());
            creds.ifPresent(c -> {
                en.put("terminalId", c.terminalId());
                en.put("enrolledAt", c.enrolledAt().toString());
                en.put("certificateNotAfter", c.notAfter().toString());
                en.put("centreCaSha256", TerminalCredentials.fingerprint(c.centreCa()));
            });
            Path dir = TerminalCredentials.dir(config.dataDir());
            boolean tight = true;
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        tight &= !SecureFiles.tooOpen(f);
                    }
                }
            }
            en.put("credentialFilesOwnerOnly", tight);
            if (client.usesTls() && creds.isEmpty()) {
                code = 1;
                err.println("diag central: not enrolled; run: scripts/kiosk diag enrol --code CODE");
            }
            ObjectNode link = o.putObject("link");
            if (probe && client.ready()) {
                try {
                    client.call(CentralClient.Call.get("/catalog", "/catalog").once()
                            .header("If-None-Match", '"' + String.valueOf(rt.catalog().version()) + '"'));
                } catch (CentralException e) {
                    link.put("probeError", e.getMessage());
                }
            }
            link.put("status", rt.link().status().name());
            link.put("lastSuccess", rt.link().lastSuccess() == null ? null : rt.link().lastSuccess().toString());
            if (probe && rt.link().status() != LinkState.Status.ONLINE) {
                code = 1;
            }
            Outbox box = rt.outbox();
            if (requeue != null) {
                o.put("requeued", box.requeue(requeue));
            }
            if (discard != null) {
                o.put("discarded", box.discard(discard));
            }
            ObjectNode ob = o.putObject("outbox");
            ObjectNode depth = ob.putObject("pendingByKind");
            box.depthByKind().forEach((k, v) -> depth.put(k.name(), v));
            ObjectNode deadBy = ob.putObject("deadByKind");
            box.deadByKind().forEach((k, v) -> deadBy.put(k.name(), v));
            ArrayNode dead = ob.putArray("deadLetters");
            for (Outbox.Message m : box.deadLetters()) {
                ObjectNode d = dead.addObject();
                d.put("seq", m.seq());
                d.put("kind", m.kind().name());
                d.put("idempotencyKey", m.idempotencyKey());
                d.put("path", m.path());
                d.put("attempts", m.attempts());
                d.put("createdAt", m.createdAt().toString());
                if (m.lastStatus() != null) {
                    d.put("lastStatus", m.lastStatus());
                }
                d.put("lastError", m.lastError());
            }
            List<Outbox.Message> pending = box.messages(Outbox.State.PENDING, 1);
            ob.put("oldestPendingSince", pending.isEmpty() ? null : pending.get(0).createdAt().toString());
            if (!dead.isEmpty()) {
                code = 1;
            }
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        return code;
    }
}
