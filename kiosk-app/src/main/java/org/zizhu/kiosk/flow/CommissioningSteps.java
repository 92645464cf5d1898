package org.zizhu.kiosk.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.zizhu.kiosk.flow.CommissioningEffect.Bind;
import org.zizhu.kiosk.flow.CommissioningEffect.CheckNetwork;
import org.zizhu.kiosk.flow.CommissioningEffect.Detect;
import org.zizhu.kiosk.flow.CommissioningEffect.Enrol;
import org.zizhu.kiosk.flow.CommissioningEffect.SendReport;
import org.zizhu.kiosk.flow.CommissioningEffect.StartScan;
import org.zizhu.kiosk.flow.CommissioningEffect.StopScan;
import org.zizhu.kiosk.flow.CommissioningEffect.TestDevice;
import org.zizhu.kiosk.flow.CommissioningEvent.*;
import org.zizhu.kiosk.flow.CommissioningPorts.DeviceRole;
import org.zizhu.kiosk.flow.CommissioningState.*;

/**
 * The wizard's one transition function: the next state and its effects for a state and an
 * event, at {@code now} (the report's time). Pure: no ports, no clock reads, no threads.
 *
 * <pre>
 *   Open(guided) --> CheckingNetwork --> NetworkChecked --continue--> EnteringCode / ScanningCode
 *     --> Enrolling --> Enrolled --continue--> Detecting --> Detected --bind--> Binding --> Bound
 *     --continue--> Testing(each device) --> Tested --continue--> ... --> Reporting --> Reported --> Menu
 *   Open(menu) --> Menu --choose(step)--> that step --continue--> Menu
 *   any failure --retry--> the step again; close (card out) --> Closed from anywhere
 * </pre>
 */
public final class CommissioningSteps {
    /** The QR payload of an enrolment code: {@code ZZENROL:1:<code>} (version 1). */
    public static final String QR_PREFIX = "ZZENROL:1:";
    /** The one-time code's shape (as the centre's contract has it). */
    static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){2,5}");
    static final int MAX_CODE = 29;

    private CommissioningSteps() {
    }

    /** A transition's answer; {@link #IGNORED} when the event does not fit the state. */
    public record Next(CommissioningState state, List<CommissioningEffect> effects) {
        static final Next IGNORED = new Next(null, List.of());

        public Next {
            effects = List.copyOf(effects);
        }

        static Next to(CommissioningState s, CommissioningEffect... e) {
            return new Next(s, List.of(e));
        }

        public boolean ignored() {
            return state == null;
        }
    }

    public static Next next(CommissioningState s, CommissioningEvent e, Instant now) {
        Progress p = s.progress();
        // Closing and opening fit every state; a scan running is stopped with it.
        if (e instanceof Close) {
            return s instanceof Closed ? Next.IGNORED : stopping(s, new Closed(p.menuMode()));
        }
        if (e instanceof Open o) {
            if (!(s instanceof Closed)) {
                return Next.IGNORED;
            }
            if (o.resumed() != null) {
                // Back after the restart for new bindings: the network, enrolment and detection
                // outcomes of before stand (the report carries them); the tests run now, on the
                // devices as bound.
                Progress r = o.resumed();
                Progress resumed = new Progress(true, r.outcomes(), o.terminalId(), r.network(), r.found(), r.binding(),
                        java.util.Map.of(), o.testable()).with(Step.TESTS, Outcome.NOT_RUN).with(Step.REPORT, Outcome.NOT_RUN);
                return start(Step.TESTS, o.enrolled() ? resumed.with(Step.ENROLMENT, Outcome.PASSED) : resumed, now);
            }
            Progress fresh = new Progress(o.guided(), p.outcomes(), o.terminalId(), p.network(), p.found(), p.binding(),
                    p.tests(), o.testable());
            if (o.enrolled()) {
                fresh = fresh.with(Step.ENROLMENT, Outcome.PASSED);
            }
            return o.guided() ? start(Step.NETWORK, fresh, now) : Next.to(new Menu(fresh));
        }
        if (e instanceof ToMenu) {
            return busy(s) ? Next.IGNORED : stopping(s, new Menu(p.menuMode()));
        }
        return switch (s) {
            case Closed c -> Next.IGNORED;
            case Menu m -> e instanceof Choose c ? start(c.step(), p, now) : Next.IGNORED;
            case CheckingNetwork c -> e instanceof CommissioningEvent.NetworkChecked n
                    ? Next.to(new CommissioningState.NetworkChecked(p.withNetwork(n.report()), n.report())) : Next.IGNORED;
            case CommissioningState.NetworkChecked n -> switch (e) {
                case Retry r -> start(Step.NETWORK, p, now);
                case Continue c -> after(Step.NETWORK, p, now);
                default -> Next.IGNORED;
            };
            case EnteringCode c -> typing(c, e, now);
            case ScanningCode c -> switch (e) {
                case QrScanned q -> {
                    String code = codeOf(q.payload());
                    yield code == null ? Next.to(new ScanningCode(p, "qr-not-enrolment"))
                            : Next.to(new Enrolling(p), new StopScan(), new Enrol(code));
                }
                case ScanEnded x -> Next.to(new ScanningCode(p, "scan-ended"));
                case Retry r -> Next.to(new ScanningCode(p, ""), new StopScan(), new StartScan());
                case TypeCode t -> Next.to(new EnteringCode(p, "", ""), new StopScan());
                default -> Next.IGNORED;
            };
            case Enrolling en -> e instanceof EnrolAnswered a
                    ? a.outcome().ok()
                        ? Next.to(new Enrolled(p.withTerminal(a.outcome().terminalId()).with(Step.ENROLMENT, Outcome.PASSED)))
                        : Next.to(new EnrolFailed(p.with(Step.ENROLMENT, Outcome.FAILED), a.outcome().problem(), a.outcome().retryable()))
                    : Next.IGNORED;
            case EnrolFailed f -> switch (e) {
                case Retry r -> Next.to(new EnteringCode(p, "", f.problem()));
                case ScanQr q -> Next.to(new ScanningCode(p, ""), new StartScan());
                case Continue c -> after(Step.ENROLMENT, p, now);
                default -> Next.IGNORED;
            };
            case Enrolled en -> e instanceof Continue ? after(Step.ENROLMENT, p, now) : Next.IGNORED;
            case Detecting d -> e instanceof DevicesFound f
                    ? Next.to(new Detected(p.withFound(f.found()).with(Step.DETECTION,
                            f.found().isEmpty() ? Outcome.FAILED : Outcome.NOT_RUN)))
                    : Next.IGNORED;
            case Detected d -> switch (e) {
                case CommissioningEvent.Bind b -> p.found().isEmpty() ? Next.IGNORED
                        : Next.to(new Binding(p), new Bind(p.found()));
                case Retry r -> start(Step.DETECTION, p, now);
                case Continue c -> after(Step.DETECTION, p, now);
                default -> Next.IGNORED;
            };
            case Binding b -> e instanceof BindAnswered a ? Next.to(new Bound(p.withBinding(a.result()))) : Next.IGNORED;
            case Bound b -> switch (e) {
                case Retry r -> Next.to(new Binding(p), new Bind(p.found()));
                case Continue c -> after(Step.DETECTION, p, now);
                default -> Next.IGNORED;
            };
            case Testing t -> e instanceof DeviceTested d && d.role() == t.role()
                    ? Next.to(new Tested(p.withTest(d.role(), d.result()), d.role(), d.result())) : Next.IGNORED;
            case Tested t -> switch (e) {
                case Retry r -> Next.to(new Testing(p, t.role()), new TestDevice(t.role()));
                case Continue c -> {
                    int i = p.testable().indexOf(t.role());
                    yield i + 1 < p.testable().size()
                            ? Next.to(new Testing(p, p.testable().get(i + 1)), new TestDevice(p.testable().get(i + 1)))
                            : after(Step.TESTS, p, now);
                }
                default -> Next.IGNORED;
            };
            case Reporting r -> e instanceof ReportAnswered a
                    ? Next.to(new Reported(p.with(Step.REPORT, a.outcome().passed() ? Outcome.PASSED : Outcome.FAILED), a.outcome()))
                    : Next.IGNORED;
            case Reported r -> switch (e) {
                case Retry x -> start(Step.REPORT, p, now);
                case Continue c -> Next.to(new Menu(p.menuMode()));
                default -> Next.IGNORED;
            };
        };
    }

    /** The one-time code in a QR payload, or null when it is not an enrolment code. */
    public static String codeOf(String payload) {
        if (payload == null || !payload.startsWith(QR_PREFIX)) {
            return null;
        }
        String code = payload.substring(QR_PREFIX.length()).strip().toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? code : null;
    }

    /** True when the typed code has the centre's shape (the keypad's OK is offered then). */
    public static boolean codeComplete(String code) {
        return CODE.matcher(code).matches();
    }

    private static Next typing(EnteringCode c, CommissioningEvent e, Instant now) {
        Progress p = c.progress();
        String code = c.code();
        return switch (e) {
            case CodeKey k -> {
                char ch = Character.toUpperCase(k.key());
                if (!(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') || code.length() >= MAX_CODE) {
                    yield Next.IGNORED;
                }
                // The dashes come by themselves: every fourth character starts a new group.
                String next = code + ch;
                if (next.replace("-", "").length() % 4 == 0 && next.length() < MAX_CODE) {
                    next = next + "-";
                }
                yield Next.to(new EnteringCode(p, next, ""));
            }
            case CodeBackspace b -> {
                if (code.isEmpty()) {
                    yield Next.IGNORED;
                }
                String next = code.endsWith("-") ? code.substring(0, code.length() - 2) : code.substring(0, code.length() - 1);
                yield Next.to(new EnteringCode(p, next, ""));
            }
            case SubmitCode x -> {
                String trimmed = code.endsWith("-") ? code.substring(0, code.length() - 1) : code;
                yield codeComplete(trimmed) ? Next.to(new Enrolling(p), new Enrol(trimmed))
                        : Next.to(new EnteringCode(p, code, "code-incomplete"));
            }
            case ScanQr q -> Next.to(new ScanningCode(p, ""), new StartScan());
            case Continue x -> after(Step.ENROLMENT, p, now);
            default -> Next.IGNORED;
        };
    }

    /** Starts {@code step}: its first state and effect. */
    private static Next start(Step step, Progress p, Instant now) {
        return switch (step) {
            case NETWORK -> Next.to(new CheckingNetwork(p), new CheckNetwork());
            case ENROLMENT -> Next.to(new EnteringCode(p, "", ""));
            case DETECTION -> Next.to(new Detecting(p), new Detect());
            case TESTS -> p.testable().isEmpty()
                    ? after(Step.TESTS, p, now)
                    : Next.to(new Testing(p, p.testable().get(0)), new TestDevice(p.testable().get(0)));
            case REPORT -> Next.to(new Reporting(p), new SendReport(report(p, now)));
        };
    }

    /** After {@code step}: the next step on a first boot (enrolment skipped once done), else the menu. */
    private static Next after(Step step, Progress p, Instant now) {
        if (!p.guided()) {
            return Next.to(new Menu(p));
        }
        Step[] all = Step.values();
        for (int i = step.ordinal() + 1; i < all.length; i++) {
            if (all[i] == Step.ENROLMENT && p.outcome(Step.ENROLMENT) == Outcome.PASSED) {
                continue;
            }
            return start(all[i], p, now);
        }
        return Next.to(new Menu(p.menuMode()));
    }

    static CommissioningPorts.Report report(Progress p, Instant now) {
        List<String> bindings = p.binding() == null ? List.of() : p.binding().written();
        return new CommissioningPorts.Report(p.terminalId(), now, p.outcomes(), p.network(), p.found(), bindings, p.tests());
    }

    /** While a port call runs the technician waits for its answer (the menu would lose it). */
    private static boolean busy(CommissioningState s) {
        return s instanceof CheckingNetwork || s instanceof Enrolling || s instanceof Detecting || s instanceof Binding
                || s instanceof Testing || s instanceof Reporting;
    }

    private static Next stopping(CommissioningState from, CommissioningState to) {
        List<CommissioningEffect> effects = new ArrayList<>();
        if (from instanceof ScanningCode) {
            effects.add(new StopScan());
        }
        return new Next(to, effects);
    }

    /** The devices with a test, kept in {@link DeviceRole} order. */
    static List<DeviceRole> ordered(List<DeviceRole> roles) {
        return roles.stream().sorted().distinct().toList();
    }
}
