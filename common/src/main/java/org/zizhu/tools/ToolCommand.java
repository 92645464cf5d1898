package org.zizhu.tools;

import java.io.PrintStream;
import java.util.List;

/**
 * A technician command reachable as {@code scripts/kiosk diag NAME ...} or
 * {@code scripts/kiosk sim NAME ...}. Modules register implementations in
 * {@code META-INF/services/org.zizhu.tools.ToolCommand}; the launcher finds them with
 * {@link java.util.ServiceLoader}, so adding a device never edits the launcher.
 *
 * <p>Implementations extend {@link OptionsCommand}: the arguments are picocli {@code @Option}
 * fields of an options object, parsed by {@link ToolArgs}. picocli rather than a parser of our
 * own because it is the well-kept standard for Java command lines (typed values, required and
 * mutually exclusive options, unknown-option errors, a usage line generated from the same
 * declarations, so it cannot drift from them), and it does not fight this contract: it only
 * parses into an object, while this interface keeps the exit codes and the output streams
 * (picocli's own {@code execute} and help printing are not used). It replaced five hand-written
 * loops and three {@code Args} classes, each with its own rules and messages.
 */
public interface ToolCommand {
    /** DIAG and SIM: technicians' tools; UPDATE: {@code zizhu update NAME}, signed updates (install, guard, status, sign). */
    enum Kind { DIAG, SIM, UPDATE }

    Kind kind();

    /** The word after {@code diag} or {@code sim}, e.g. {@code idcard}. */
    String name();

    /** One line for the launcher's help. */
    String summary();

    /**
     * The arguments this command takes, one line or a few, without the leading
     * {@code kiosk diag NAME}: printed on stdout for {@code --help}/{@code -h} (exit 0) and on
     * stderr after a usage error (exit 2). The launcher handles both, so no command has to.
     */
    default String usage() {
        return summary();
    }

    /**
     * Runs the command. Returns the process exit code: 0 success, 1 the device or service
     * failed the check, 2 bad usage. Prints machine-readable results (JSON) to {@code out}
     * and human messages to {@code err}. Personal data is masked unless asked otherwise.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
