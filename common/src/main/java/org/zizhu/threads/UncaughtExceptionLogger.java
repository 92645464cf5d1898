package org.zizhu.threads;

import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Logs a thread's death by an exception nobody caught as an {@link EventId#UNEXPECTED_ERROR}
 * event, so an operator sees that a reader, poller or worker is gone. It logs the thread's
 * name, the exception's class and the line that threw, never the message: messages often carry
 * what was being handled (a resident's name, an ID number, a payload).
 */
public final class UncaughtExceptionLogger implements Thread.UncaughtExceptionHandler {
    public static final UncaughtExceptionLogger INSTANCE = new UncaughtExceptionLogger();

    private UncaughtExceptionLogger() {
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "uncaught", "thread", thread.getName(),
                "error", e.getClass().getName(), "at", origin(e));
    }

    /** Class, method and line where {@code e} was thrown: code, not data. */
    static String origin(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length == 0) {
            return "unknown";
        }
        StackTraceElement top = trace[0];
        return top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber();
    }
}
