package org.zizhu.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes catalogue events as structured key/value pairs (the JSON encoder turns them into
 * fields). Callers pass only non-personal values: ids, counts, timings, masked strings.
 */
public final class EventLog {
    private static final Logger log = LoggerFactory.getLogger("zizhu.events");

    private EventLog() {
    }

    /** Logs an event; {@code kv} alternates keys and values. */
    public static void event(EventId id, Outcome outcome, Object... kv) {
        Level level = outcome == Outcome.FAILURE ? Level.WARN : Level.INFO;
        LoggingEventBuilder b = log.atLevel(level)
                .addKeyValue("event", id.id())
                .addKeyValue("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b = b.addKeyValue(String.valueOf(kv[i]), kv[i + 1]);
        }
        b.log(id.description());
    }
}
