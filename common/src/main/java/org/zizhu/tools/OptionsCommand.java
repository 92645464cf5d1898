package org.zizhu.tools;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ToolCommand} whose arguments are an options object parsed by {@link ToolArgs}.
 * Parsing, {@code --help} and usage errors are answered here, once, so every command does it
 * the same way; a command sees only a filled options object and throws {@link UsageException}
 * for what the declarations cannot say. Its {@link #usage()} is derived from the same fields.
 * The usage line also follows a usage error here (not only in the launcher), so a command run
 * on its own, as tests and central-sim's {@code main} do, still tells what it takes.
 *
 * @param <O> the options: a class with picocli-annotated fields, its initialisers the defaults
 */
public abstract class OptionsCommand<O> implements ToolCommand {
    /** A fresh options object holding the defaults (one per run: commands may be run again). */
    protected abstract O options();

    /** Runs with the parsed options; exit codes as in {@link ToolCommand#run}. */
    protected abstract int run(O options, PrintStream out, PrintStream err) throws Exception;

    /** Said after the options in the usage line, e.g. a simulator's commands on stdin; none by default. */
    protected String usageNote() {
        return "";
    }

    @Override
    public String usage() {
        String note = usageNote();
        return ToolArgs.synopsis(options()) + (note.isEmpty() ? "" : "   " + note);
    }

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String command = kind().name().toLowerCase(Locale.ROOT) + " " + name();
        O options = options();
        try {
            if (ToolArgs.parse(options, args)) {
                out.println("usage: " + command + " " + usage());
                out.println("  " + summary());
                return 0;
            }
            return run(options, out, err);
        } catch (UsageException e) {
            err.println(command + ": " + e.getMessage());
            err.println("usage: " + command + " " + usage());
            return 2;
        }
    }
}
