package org.zizhu.kiosk.flow;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Technician access: a technician card inserted into the smart-card reader asks for the PIN on
 * a keypad; the card check runs on the worker; success opens the maintenance screen until the
 * card is removed. The PIN lives in a char array that is wiped after every check.
 */
public final class MaintenanceFlow {
    public enum Step { CLOSED, PIN_ENTRY, CHECKING, OPEN, DENIED }

    /** Checks a PIN against the inserted card; implemented over the smart-card driver. */
    public interface Authenticator {
        /** Returns the technician id and role on success, or empty with a message. */
        Result authenticate(char[] pin);
    }

    /** Outcome of one check: {@code ok} with who, or the resident-language message. */
    public record Result(boolean ok, String technicianId, String role, String messageZh, String messageEn) {
    }

    public record View(Step step, int pinLength, String technicianId, String role, String messageZh, String messageEn) {
    }

    static final int MAX_PIN = 8;
    static final int MIN_PIN = 4;

    private final Authenticator authenticator;
    private final Executor worker;
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    private char[] pin = new char[MAX_PIN];
    private int length;
    private View view = new View(Step.CLOSED, 0, "", "", "", "");

    public MaintenanceFlow(Authenticator authenticator, Executor worker) {
        this.authenticator = authenticator;
        this.worker = worker;
    }

    public synchronized View view() {
        return view;
    }

    public void addListener(Consumer<View> l) {
        listeners.add(l);
    }

    public synchronized void cardInserted() {
        if (view.step() == Step.CLOSED || view.step() == Step.DENIED) {
            clearPin();
            set(new View(Step.PIN_ENTRY, 0, "", "", "", ""));
        }
    }

    /** Removing the card always locks maintenance again and forgets the PIN. */
    public synchronized void cardRemoved() {
        clearPin();
        set(new View(Step.CLOSED, 0, "", "", "", ""));
    }

    public synchronized void digit(char d) {
        if (view.step() != Step.PIN_ENTRY || d < '0' || d > '9' || length >= MAX_PIN) {
            return;
        }
        pin[length++] = d;
        set(new View(Step.PIN_ENTRY, length, "", "", view.messageZh(), view.messageEn()));
    }

    public synchronized void backspace() {
        if (view.step() == Step.PIN_ENTRY && length > 0) {
            pin[--length] = 0;
            set(new View(Step.PIN_ENTRY, length, "", "", view.messageZh(), view.messageEn()));
        }
    }

    public void submit() {
        char[] candidate;
        synchronized (this) {
            if (view.step() != Step.PIN_ENTRY || length < MIN_PIN) {
                return;
            }
            candidate = Arrays.copyOf(pin, length);
            clearPin();
            set(new View(Step.CHECKING, 0, "", "", "", ""));
        }
        worker.execute(() -> {
            Result r;
            try {
                r = authenticator.authenticate(candidate);
            } catch (RuntimeException e) {
                r = new Result(false, "", "", "读卡出错，请重新插卡", "Card error, please re-insert the card");
            } finally {
                Arrays.fill(candidate, '\0');
            }
            synchronized (this) {
                if (view.step() != Step.CHECKING) {
                    return; // card removed meanwhile
                }
                if (r.ok()) {
                    set(new View(Step.OPEN, 0, r.technicianId(), r.role(), "", ""));
                } else {
                    set(new View(Step.PIN_ENTRY, 0, "", "", r.messageZh(), r.messageEn()));
                }
            }
        });
    }

    /** The technician leaves maintenance without pulling the card. */
    public synchronized void close() {
        cardRemoved();
    }

    private void clearPin() {
        Arrays.fill(pin, '\0');
        length = 0;
    }

    private void set(View next) {
        view = next;
        for (Consumer<View> l : listeners) {
            l.accept(next);
        }
    }
}
