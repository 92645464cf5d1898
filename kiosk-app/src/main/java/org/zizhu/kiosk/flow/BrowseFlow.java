package org.zizhu.kiosk.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.session.Visit;

/**
 * The browse-and-read-a-guide flow as a plain state machine: attract screen, home (by audience,
 * group or search), item guide, back, language switch and the idle timeout. No JavaFX here;
 * screens call these methods on touch and render {@link #state()}.
 *
 * <p>Every input is checked against the catalogue: an unknown group or item code (a stale
 * button, a bad deep link) leaves the state unchanged with a notice instead of an error.
 */
public final class BrowseFlow {
    /** Search text longer than this is cut: the on-screen keyboard never needs more. */
    static final int MAX_QUERY = 40;
    /**
     * How long before the idle timeout the screen counts down and offers "need more time": long
     * enough to read the prompt and reach the button, short enough not to nag a resident who is
     * reading. A short configured timeout warns for its second half only.
     */
    public static final Duration IDLE_WARNING = Duration.ofSeconds(20);
    /** Elder mode multiplies the idle timeout by this (the "doubled timeouts"). */
    public static final int ELDER_TIMEOUT_FACTOR = 2;

    private final Supplier<Catalog> catalog;
    private final Language defaultLanguage;
    private final Duration idleTimeout;
    private final Clock clock;
    private final List<Consumer<BrowseState>> listeners = new CopyOnWriteArrayList<>();
    private BrowseState state;
    private Instant lastTouch;
    private Visit session = new Visit();
    /** Elder mode at the start of every visit (ui.elderModeDefault). */
    private boolean elderDefault;

    public BrowseFlow(Supplier<Catalog> catalog, Language defaultLanguage, Duration idleTimeout, Clock clock) {
        this.catalog = catalog;
        this.defaultLanguage = defaultLanguage;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.state = BrowseState.attract(defaultLanguage);
        this.lastTouch = clock.instant();
    }

    public synchronized BrowseState state() {
        return state;
    }

    /**
     * Makes elder mode the default of every visit (configuration, at start-up). The attract
     * screen takes it at once; a visit already under way keeps its choice until it ends.
     */
    public void setElderModeDefault(boolean on) {
        BrowseState next;
        synchronized (this) {
            elderDefault = on;
            if (state.screen() != BrowseState.Screen.ATTRACT) {
                return;
            }
            next = state.withElderMode(on);
        }
        set(next);
    }

    /** The idle timeout in force now: the configured one, doubled in elder mode. */
    public synchronized Duration idleTimeout() {
        return state.elderMode() ? idleTimeout.multipliedBy(ELDER_TIMEOUT_FACTOR) : idleTimeout;
    }

    /**
     * The whole seconds left before the idle timeout, when the screen should count them down:
     * during a visit, in the last {@link #IDLE_WARNING} (at most half the timeout). Empty
     * otherwise. A value of the clock, so the screen polls it; the state does not change every
     * second.
     */
    public synchronized OptionalInt idleCountdown() {
        if (state.screen() == BrowseState.Screen.ATTRACT) {
            return OptionalInt.empty();
        }
        Duration timeout = idleTimeout();
        Duration warning = timeout.dividedBy(2).compareTo(IDLE_WARNING) < 0 ? timeout.dividedBy(2) : IDLE_WARNING;
        Duration left = timeout.minus(Duration.between(lastTouch, clock.instant()));
        if (left.compareTo(warning) > 0) {
            return OptionalInt.empty();
        }
        if (left.isNegative()) {
            return OptionalInt.of(0); // the next tick ends the visit
        }
        // Rounded up: "1 s left" until the very end, never "0" while time remains.
        return OptionalInt.of((int) ((left.toMillis() + 999) / 1000));
    }

    /** "Need more time": the resident asked to stay; the idle timer starts afresh. */
    public void moreTime() {
        keepAlive();
    }

    /**
     * The elder-mode button: switches it for this visit. On the attract screen the press also
     * starts the visit, so the choice is never left behind for the next resident.
     */
    public void toggleElderMode() {
        touch();
        touchedTo(s -> s.withElderMode(!s.elderMode()));
    }

    /** The state with what it shows looked up in the catalogue (screens render this). */
    public BrowseView view() {
        BrowseState s = state();
        Catalog c = catalog.get();
        List<org.zizhu.kiosk.catalog.CatalogModel.ItemSummary> items;
        BrowseView.Listing listing;
        org.zizhu.kiosk.i18n.Text groupName = null;
        if (!s.query().isEmpty()) {
            items = c.search(s.query());
            listing = BrowseView.Listing.SEARCH;
        } else if (s.groupId() != null) {
            items = c.inGroup(s.groupId());
            listing = BrowseView.Listing.GROUP;
            groupName = c.group(s.groupId()).map(g -> g.name()).orElse(null);
        } else {
            // Elder mode lists fewer, larger tiles: the most used items first, the rest by group or search.
            items = c.highFrequency(s.audience(), s.elderMode() ? BrowseView.ELDER_HIGH_FREQUENCY_ITEMS
                    : BrowseView.HIGH_FREQUENCY_ITEMS);
            listing = BrowseView.Listing.HIGH_FREQUENCY;
        }
        // A guide whose item left the catalogue (a sync meanwhile) falls back to the home list.
        var detail = s.screen() == BrowseState.Screen.GUIDE ? c.detail(s.itemCode()).orElse(null) : null;
        return new BrowseView(s, c.groups(s.audience()), listing, groupName, items, c.isEmpty(), detail);
    }

    public void addListener(Consumer<BrowseState> l) {
        listeners.add(l);
    }

    /** Any touch anywhere: wakes the attract screen and restarts the idle timer. */
    public void touch() {
        BrowseState next;
        synchronized (this) {
            lastTouch = clock.instant();
            if (state.screen() != BrowseState.Screen.ATTRACT) {
                return;
            }
            next = state.withScreen(BrowseState.Screen.HOME);
            if (session.ended()) {
                session = new Visit();
            }
            EventLog.event(EventId.SESSION_STARTED, Outcome.SUCCESS, "session", session.id());
        }
        set(next);
    }

    public void chooseAudience(Audience a) {
        touchedTo(s -> s.withAudience(a == null ? Audience.PERSON : a));
    }

    public void chooseGroup(String groupId) {
        Catalog c = catalog.get();
        if (groupId == null || c.group(groupId).isEmpty()) {
            touchedTo(s -> s.withNotice("notice.unknownGroup"));
            return;
        }
        Audience a = c.group(groupId).get().audience();
        touchedTo(s -> s.withAudience(a).withGroup(groupId));
    }

    public void search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.codePointCount(0, q.length()) > MAX_QUERY) {
            q = q.substring(0, q.offsetByCodePoints(0, MAX_QUERY));
        }
        String finalQ = q;
        touchedTo(s -> s.withQuery(finalQ));
    }

    public void openItem(String code) {
        if (code == null || catalog.get().detail(code).isEmpty()) {
            touchedTo(s -> s.withNotice("notice.unknownItem"));
            return;
        }
        touchedTo(s -> s.withItem(code));
    }

    /** From a guide back to the list it was opened from; from a filtered home to the plain home. */
    public void back() {
        touchedTo(s -> switch (s.screen()) {
            case GUIDE -> s.withScreen(BrowseState.Screen.HOME);
            case HOME -> s.withAudience(s.audience());
            case ATTRACT -> s;
        });
    }

    public void home() {
        touchedTo(s -> s.withAudience(s.audience()));
    }

    public void setLanguage(Language l) {
        EventLog.event(EventId.LANGUAGE_CHANGED, Outcome.SUCCESS, "language", l.name());
        touchedTo(s -> s.withLanguage(l));
    }

    /**
     * Called periodically (the UI's timer). After the idle timeout the session ends: back to
     * the attract screen in the default language and elder-mode default, everything the resident chose forgotten.
     * Returns true if it reset.
     */
    public boolean tick() {
        BrowseState next;
        synchronized (this) {
            if (state.screen() == BrowseState.Screen.ATTRACT) {
                return false;
            }
            Duration timeout = idleTimeout();
            if (Duration.between(lastTouch, clock.instant()).compareTo(timeout) < 0) {
                return false;
            }
            next = BrowseState.attract(defaultLanguage, elderDefault);
            EventLog.event(EventId.IDLE_TIMEOUT, Outcome.SUCCESS, "idleSeconds", timeout.toSeconds());
        }
        session().end("idle");
        set(next);
        return true;
    }

    /** Restarts the idle timer without a touch: a transaction is still working for the resident. */
    public synchronized void keepAlive() {
        lastTouch = clock.instant();
    }

    /** Ends the session at once (e.g. the resident pressed "finish"). */
    public void endSession() {
        session().end("finished");
        BrowseState next;
        synchronized (this) {
            next = BrowseState.attract(defaultLanguage, elderDefault);
        }
        set(next);
    }

    /**
     * The current resident's session. Personal data obtained during a visit is registered
     * with it and wiped when the visit ends (finish or idle timeout).
     */
    public synchronized Visit session() {
        if (session.ended()) {
            session = new Visit();
        }
        return session;
    }

    private void touchedTo(java.util.function.UnaryOperator<BrowseState> f) {
        BrowseState next;
        synchronized (this) {
            lastTouch = clock.instant();
            next = f.apply(state);
        }
        set(next);
    }

    private void set(BrowseState next) {
        synchronized (this) {
            if (next.equals(state)) {
                return;
            }
            state = next;
        }
        for (Consumer<BrowseState> l : listeners) {
            l.accept(next);
        }
    }
}
