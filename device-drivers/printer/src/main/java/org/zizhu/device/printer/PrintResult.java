package org.zizhu.device.printer;

import java.time.Duration;

/**
 * The end of a print job. A FAILED job can simply be printed again once the cause is
 * cleared (the caller still holds the rendered bytes); {@code detail} is a short reason such
 * as {@code paper-end}, {@code cover-open}, {@code no-response}, {@code queue-stopped}.
 */
public record PrintResult(String jobId, JobState state, String detail, long bytesSent, Duration took) {
    public boolean ok() {
        return state == JobState.COMPLETED;
    }
}
