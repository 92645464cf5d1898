package org.zizhu.kiosk.flow;

import java.util.ArrayList;
import java.util.List;

/** A transition's answer: the next state and what to do; {@link #IGNORED} when the event does not fit. */
record Next(ServiceState state, List<Effect> effects) {
    static final Next IGNORED = new Next(null, List.of());

    Next {
        effects = List.copyOf(effects);
    }

    static Next to(ServiceState state, Effect... effects) {
        return new Next(state, List.of(effects));
    }

    boolean ignored() {
        return state == null;
    }

    /** The same move with {@code first} done before its own effects. */
    Next after(Effect... first) {
        if (ignored()) {
            return this;
        }
        List<Effect> all = new ArrayList<>(List.of(first));
        all.addAll(effects);
        return new Next(state, all);
    }
}
