package org.zizhu.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and everything it started. ffmpeg (the camera) or aplay (the voice) normally
 * has no children, but a configured command may be a shell pipeline; the kiosk runs for months,
 * so not one orphan may be left.
 */
public final class ProcessTree {
    private ProcessTree() {
    }

    /**
     * SIGTERM to the tree without waiting: for a thread that must not block (the JavaFX thread
     * cutting short a voice prompt). The process's owner then calls {@link #destroy} to reap it.
     */
    public static void terminate(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** SIGTERM to the tree, then SIGKILL to whatever is still alive after {@code grace}. */
    public static void destroy(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        // Children first, collected before the parent dies and they are re-parented to init.
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // timed out: killed below
            }
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
