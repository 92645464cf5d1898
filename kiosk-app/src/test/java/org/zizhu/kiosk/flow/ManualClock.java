package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the flow tests move by hand (the flows take an injected Clock, so no test waits). */
final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-25T08:00:00Z");
    private final ZoneId zone;

    ManualClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void plus(Duration d) {
        now = now.plus(d);
    }
}
