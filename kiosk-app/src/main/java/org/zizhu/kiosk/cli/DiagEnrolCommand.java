package org.zizhu.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.enrol.Enrolment;
import org.zizhu.kiosk.config.KioskConfig;
import org.zizhu.tools.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code diag enrol --code CODE [--config FILE]}: enrols this terminal with the technician's
 * one-time code and prints the terminal id, certificate expiry and the centre CA fingerprint
 * (pin it in {@code central.caFingerprint} first, from the enrolment sheet; a CA trusted on
 * first use must be compared with the sheet afterwards).
 */
public final class DiagEnrolCommand extends ConfiguredCommand<DiagEnrolCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "enrol";
    }

    @Override
    public String summary() {
        return "enrol this terminal with the centre: --code CODE (one-time code from operations)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options extends ConfigFileOption {
        @Option(names = "--code", paramLabel = "CODE", required = true) String code;
    }

    @Override
    protected int run(KioskConfig config, Options options, PrintStream out, PrintStream err) throws Exception {
        String code = options.code;
        if (!code.matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){2,5}")) {
            throw new UsageException("the code looks like ABCD-EFGH-JKLM (check for typos)");
        }
        try (KioskRuntime rt = KioskRuntime.open(config)) {
            if (!rt.client().usesTls()) {
                err.println("diag enrol: central.url is plain HTTP (development mode); enrolment needs an https:// URL");
                return 2;
            }
            Enrolment.Result r = rt.enrol(code);
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("enrolled", true);
            o.put("terminalId", r.credentials().terminalId());
            o.put("certificateNotAfter", r.credentials().notAfter().toString());
            o.put("centreCaSha256", r.caFingerprint());
            o.put("caPinned", r.pinned());
            o.put("caTrust", r.trust().name());
            o.put("credentialsDir", org.zizhu.kiosk.central.TerminalCredentials.dir(config.dataDir()).toAbsolutePath().toString());
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
            if (!r.pinned()) {
                err.println("diag enrol: centre CA trusted on first use and pinned from now on; compare centreCaSha256 with the enrolment sheet");
            }
            return 0;
        } catch (ConfigException e) {
            err.println("diag enrol: refused: " + e.getMessage());
            return 2;
        } catch (CentralException e) {
            err.println("diag enrol: failed: " + e.getMessage() + " — " + e.residentMessage().zh());
            return 1;
        }
    }
}
