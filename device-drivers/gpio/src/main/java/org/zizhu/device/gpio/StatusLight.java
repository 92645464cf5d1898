package org.zizhu.device.gpio;

import java.util.List;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/** Plays a {@link LightPattern} on the red and green lamps, step by step on the scheduler. */
public final class StatusLight {
    private final OutputPin red;
    private final OutputPin green;
    private final GpioScheduler scheduler;
    private LightPattern pattern;
    private int step;
    private GpioScheduler.Task pending;
    private long generation;

    StatusLight(OutputPin red, OutputPin green, GpioScheduler scheduler) {
        this.red = red;
        this.green = green;
        this.scheduler = scheduler;
    }

    /** Shows {@code next} from its first step; setting the current pattern again changes nothing. */
    public synchronized void show(LightPattern next) {
        if (next == pattern) {
            return;
        }
        LightPattern previous = pattern;
        pattern = next;
        step = 0;
        generation++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        apply();
        EventLog.event(EventId.GPIO_LIGHT_PATTERN, Outcome.SUCCESS, "from", String.valueOf(previous), "to", next.name());
    }

    public synchronized LightPattern pattern() {
        return pattern;
    }

    /** Lamps currently lit, for the diag command and tests: {red, green}. */
    public boolean[] lamps() {
        return new boolean[] {red.active(), green.active()};
    }

    private void apply() {
        List<LightStep> steps = pattern.steps();
        LightStep s = steps.get(step);
        red.set(s.red());
        green.set(s.green());
        if (!s.hold().isZero() && steps.size() > 1) {
            long gen = generation;
            pending = scheduler.schedule(s.hold(), () -> advance(gen));
        }
    }

    private synchronized void advance(long gen) {
        if (gen != generation) {
            return; // a pattern change raced with this step
        }
        step = (step + 1) % pattern.steps().size();
        apply();
    }

    synchronized void stop() {
        generation++;
        if (pending != null) {
            pending.cancel();
        }
        red.set(false);
        green.set(false);
    }
}
