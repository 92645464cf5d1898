package org.zizhu.tools;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one argument parser of every {@code diag} and {@code sim} command (central-sim's own
 * {@code main} included): fills an object whose fields carry picocli {@code @Option} and
 * {@code @Parameters} annotations, and renders its synopsis. Field initialisers are the
 * defaults, so a fresh options object per run is all the state there is.
 */
public final class ToolArgs {
    /** Stands in for the command name while rendering; callers put their own in front. */
    private static final String NAME = "tool";

    private ToolArgs() {
    }

    /**
     * Parses {@code args} into {@code options}. Returns true when {@code -h} or {@code --help}
     * was given (then required options are not checked and the caller prints the usage).
     */
    public static boolean parse(Object options, List<String> args) throws UsageException {
        CommandLine cl = commandLine(options);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            // picocli checks required options before it complains about unknown ones; a mistyped
            // option is then reported as a missing one. Name the unknown argument instead.
            List<String> unknown = cl.getUnmatchedArguments();
            ParameterException first = unknown.isEmpty() || e instanceof UnmatchedArgumentException ? e
                    : new UnmatchedArgumentException(cl, unknown);
            throw new UsageException(first.getMessage().replaceFirst("^Error: ", ""));
        }
        return cl.isUsageHelpRequested();
    }

    /** {@code value} if it lies in {@code min..max}; otherwise a usage error naming the option. */
    public static int inRange(String option, int value, int min, int max) throws UsageException {
        if (value < min || value > max) {
            throw new UsageException(option + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** The arguments as one line, e.g. {@code --port PATH [--baud N] [--reveal]}, in declaration order. */
    public static String synopsis(Object options) {
        // Shown with a space ("--port PATH", as technicians type it); parsing takes "--port=PATH" too.
        CommandSpec spec = commandLine(options).setSeparator(" ").getCommandSpec().name(NAME);
        // Wide enough never to wrap: the launcher prints it after "usage: kiosk diag NAME".
        spec.usageMessage().sortSynopsis(false).width(1000);
        String line = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).detailedSynopsis(0, null, false).strip();
        return line.substring(NAME.length()).strip();
    }

    private static CommandLine commandLine(Object options) {
        CommandLine cl = new CommandLine(options)
                // "@x" is a value here (a QR payload, a path), never "read more arguments from file x".
                .setExpandAtFiles(false)
                // A repeated option takes its last value, as the parsers this one replaced did.
                .setOverwrittenOptionsAllowed(true);
        // Hidden: the launcher answers --help before a command runs; this only keeps it from being "unknown".
        cl.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true).hidden(true).build());
        return cl;
    }
}
