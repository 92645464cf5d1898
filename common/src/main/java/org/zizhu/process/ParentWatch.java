package org.zizhu.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a child process end with the kiosk, even when the kiosk is killed outright (SIGKILL, an
 * OOM kill, a crash) and has no chance to stop it. A long-running helper such as socat holds no
 * pipe to the JVM, so nothing would ever tell it that its parent is gone; on a terminal that
 * restarts the kiosk for months, each orphan would hold its pseudo-terminals and memory forever.
 *
 * <p>{@link #wrap} runs the command under a small POSIX shell that keeps the read end of a pipe
 * from the JVM (the process's standard input, which the caller must leave open and unused).
 * When the JVM exits in any way, the kernel closes the write end, the shell's read sees end of
 * file and it stops the command with SIGTERM. The shell also passes on SIGTERM from
 * {@link Process#destroy()} and exits with the command's status, so callers see the command's
 * life as before. Linux's PR_SET_PDEATHSIG is not used: it fires when the <em>thread</em> that
 * started the child ends, and kiosk threads that start children come and go.
 */
public final class ParentWatch {
    /**
     * $@ is the command. Its stdin is /dev/null; fd 3 keeps the JVM's pipe for the watcher.
     * The first wait always runs (the command may already have exited, e.g. not found: 127);
     * the loop: a trapped TERM interrupts wait before the command has exited.
     */
    static final String SCRIPT = String.join("\n",
            "exec 3<&0 </dev/null",
            // The trap is set before the command starts: a TERM in between is remembered and passed on.
            "c=; t=",
            "trap 't=1; [ -n \"$c\" ] && kill -TERM \"$c\" 2>/dev/null' TERM INT HUP",
            "\"$@\" &",
            "c=$!",
            "[ -n \"$t\" ] && kill -TERM \"$c\" 2>/dev/null",
            "( while read -r _ <&3; do :; done; kill -TERM \"$c\" 2>/dev/null ) &",
            "w=$!",
            "exec 3<&-",
            "wait \"$c\"; rc=$?",
            "while kill -0 \"$c\" 2>/dev/null; do wait \"$c\"; rc=$?; done",
            "kill \"$w\" 2>/dev/null",
            "exit $rc");

    private ParentWatch() {
    }

    /** The command line that runs {@code command} under the watch. */
    public static List<String> wrap(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        List<String> out = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "zizhu-watch"));
        out.addAll(command);
        return List.copyOf(out);
    }
}
