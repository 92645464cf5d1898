package org.zizhu.kiosk.flow.keyboard;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where the keyboard gets candidates for the letters typed; an interface so the state stays a pure value. */
@FunctionalInterface
public interface CandidateSource {
    /** At most {@code limit} candidates, best first; none for letters that spell nothing. */
    List<Candidate> lookup(String letters, int limit);

    /**
     * A source that answers nothing until {@code index} is built (off the UI thread: the build
     * takes about a second), then answers from it. A failed build stays empty rather than
     * breaking the form: letters and digits pads still work.
     */
    static CandidateSource whenReady(CompletableFuture<? extends CandidateSource> index) {
        return (letters, limit) -> {
            CandidateSource s = index.isDone() && !index.isCompletedExceptionally() ? index.join() : null;
            return s == null ? List.of() : s.lookup(letters, limit);
        };
    }
}
