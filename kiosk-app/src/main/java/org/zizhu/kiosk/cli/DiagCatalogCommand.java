package org.zizhu.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.zizhu.kiosk.runtime.KioskRuntime;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;
import picocli.CommandLine.Option;

/**
 * {@code diag catalog [--config FILE] [--sync]}: the catalogue this terminal holds (version,
 * item count, last sync), optionally syncing with the centre first.
 */
public final class DiagCatalogCommand extends ConfiguredCommand<DiagCatalogCommand.Options> {
    @Override
    public Kind kind() {
        return Kind.DIAG;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String summary() {
        return "show the cached catalogue version and item count (--sync to update first)";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    static final class Options extends ConfigFileOption {
        @Option(names = "--sync") boolean sync;
    }

    @Override
    protected int run(KioskConfig config, Options options, PrintStream out, PrintStream err) throws Exception {
        ObjectNode o = new ObjectMapper().createObjectNode();
        int code = 0;
        try (KioskRuntime rt = KioskRuntime.open(config)) {
            if (options.sync) {
                try {
                    var r = rt.syncNow();
                    o.put("sync", r.changed() ? "updated" : "unchanged");
                } catch (CentralException e) {
                    o.put("sync", "failed");
                    o.put("syncError", e.getMessage());
                    code = 1;
                }
            }
            Catalog c = rt.catalog();
            o.put("dataDir", config.dataDir().toAbsolutePath().toString());
            o.put("centralUrl", config.get(ConfigKey.CENTRAL_URL));
            o.put("version", c.version());
            o.put("items", c.size());
            o.put("syncedAt", rt.catalogStore().syncedAt().map(Object::toString).orElse(null));
            o.put("link", rt.link().status().name());
        }
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
        if (code == 0 && o.path("version").isNull()) {
            err.println("diag catalog: no catalogue cached yet (run with --sync while the centre is reachable)");
            return 1;
        }
        return code;
    }
}
