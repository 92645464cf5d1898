package org.zizhu.kiosk.devices;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.zizhu.device.camera.sim.DocumentScene;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.threads.DaemonThreads;

/**
 * Lets the person running the demo act on the simulated devices from the terminal that started
 * it: place an ID card, press the help button, open the door, run the receipt printer out of
 * paper, insert a technician card, show a QR code to the camera. Only in simulated mode.
 */
public final class DemoConsole implements Runnable {
    /**
     * What the console may do to the screen, so a demo (and the smoke test of {@code scripts/demo})
     * can walk a whole transaction from a script: the window implements it. Defined here so the
     * devices package never depends on the UI.
     */
    public interface Screen {
        /** The name of the screen shown now (ATTRACT, HOME, GUIDE, SERVICE_CONSENT, ...). */
        String shown();

        /** A touch anywhere on the screen (starts a visit on the attract screen). */
        void touch();

        /** Presses the button with this id; false if no such button is shown. */
        boolean tap(String id);

        /** Opens the guide of the first item the kiosk can perform at once (马上办); false if none. */
        boolean openImmediateItem();

        /** Ends the kiosk in order with this exit code. */
        void quit(int code);
    }

    private final DeviceHub hub;
    private final InputStream in;
    private final PrintStream out;
    private final java.util.function.Supplier<Screen> screen;
    /** Scripted runs: any failed command stops the kiosk with exit code 1. */
    private volatile boolean strict;
    private volatile boolean quitting;

    public DemoConsole(DeviceHub hub, InputStream in, PrintStream out, Path workDir) {
        this(hub, in, out, workDir, () -> null);
    }

    /** {@code workDir} is unused since the camera scenes moved to the simulated camera's controls; kept for callers. */
    public DemoConsole(DeviceHub hub, InputStream in, PrintStream out, Path workDir, java.util.function.Supplier<Screen> screen) {
        this.hub = hub;
        this.in = in;
        this.out = out;
        this.screen = screen;
    }

    public static void startInBackground(DeviceHub hub, Path workDir, java.util.function.Supplier<Screen> screen) {
        DaemonThreads.start("demo-console", new DemoConsole(hub, System.in, System.out, workDir, screen));
    }

    static final String HELP = """
            demo console — simulated devices:
              card resident|rare|longterm|expired|permit|foreign2017|foreign2023   place an ID card
              card remove                      take the ID card away
              help                             press the help-call button
              door open|close                  tamper switch (open takes the kiosk out of service)
              paper fine|near|end              receipt printer paper
              techcard insert|remove           technician card (PIN %s) in the smart-card reader
              qr TEXT                          show a QR code to the camera (e.g. zizhu:login:v1:demo-token)
              face [dark|far|away|none]        a resident (in a dark hall, far off, stepped aside) or nobody there
              document a4|card|blurred|cut|dark  a page on the document camera's desk (高拍仪), e.g. for an application
            the screen (scripted demos and the smoke test):
              screen                           name of the screen shown now
              touch                            touch the screen
              open immediate [SECONDS]         open the guide of an item performed at once (马上办); waits for the catalogue
              tap ID                           press the button with that id (e.g. guide-start, service-agree)
              wait SCREEN [SECONDS]            wait until that screen is shown (default 60 s); else quit 1
              strict                           from now on a failed command quits with exit code 1
              quit [CODE]                      stop the kiosk in order (exit code, default 0)
              ?                                this help
            """.formatted(DemoCards.DEMO_PIN);

    @Override
    public void run() {
        out.print(HELP);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String reply;
                try {
                    reply = handle(line.strip());
                } catch (Exception e) {
                    reply = "failed: " + e.getMessage();
                    if (strict) {
                        out.println("smoke: FAILED at '" + line.strip() + "': " + e.getMessage());
                        quit(1);
                    }
                }
                if (!reply.isEmpty()) {
                    out.println(reply);
                }
                if (quitting) {
                    return; // nothing after a quit: later lines must not run against a closing window
                }
            }
        } catch (Exception e) {
            out.println("demo console stopped: " + e);
        }
    }

    private SimulatorControls sims() {
        return hub.simulators();
    }

    private org.zizhu.device.camera.sim.SimulatedCamera.Controls camera() {
        return sims().camera().orElseThrow(() -> new IllegalStateException("camera is not simulated"));
    }

    private Screen ui() {
        Screen s = screen.get();
        if (s == null) {
            throw new IllegalStateException("the window is not up yet");
        }
        return s;
    }

    private void quit(int code) {
        quitting = true;
        Screen s = screen.get();
        if (s != null) {
            s.quit(code);
        } else {
            System.exit(code); // no window: the shutdown hook still stops everything in order
        }
    }

    String handle(String line) throws Exception {
        if (line.isEmpty() || line.startsWith("#")) {
            return "";
        }
        String[] w = line.split("\\s+", 2);
        String arg = w.length > 1 ? w[1].strip() : "";
        switch (w[0].toLowerCase(Locale.ROOT)) {
            case "card" -> {
                var sim = sims().idcard().orElseThrow(() -> new IllegalStateException("ID card reader is not simulated"));
                if (arg.equals("remove")) {
                    sim.removeCard();
                    return "card removed";
                }
                TestCards card = switch (arg) {
                    case "", "resident" -> TestCards.RESIDENT;
                    case "rare" -> TestCards.RARE_NAME;
                    case "longterm" -> TestCards.LONG_TERM;
                    case "expired" -> TestCards.EXPIRED;
                    case "permit" -> TestCards.PERMIT;
                    case "foreign2017" -> TestCards.FOREIGN_2017;
                    case "foreign2023" -> TestCards.FOREIGN_2023;
                    default -> throw new IllegalArgumentException("unknown card " + arg);
                };
                sim.placeCard(card);
                return "card placed: " + card.name();
            }
            case "help" -> {
                sims().gpio().orElseThrow(() -> new IllegalStateException("GPIO is not simulated")).pressHelp();
                return "help button pressed";
            }
            case "door" -> {
                sims().gpio().orElseThrow(() -> new IllegalStateException("GPIO is not simulated")).setTamperOpen(arg.equals("open"));
                return "door " + (arg.equals("open") ? "open" : "closed");
            }
            case "paper" -> {
                var sim = hub.simulators().receipt().orElseThrow(() -> new IllegalStateException("receipt printer is not simulated"));
                sim.setPaper(switch (arg) {
                    case "near" -> PaperState.NEAR_END;
                    case "end" -> PaperState.END;
                    default -> PaperState.FINE;
                });
                return "paper " + arg;
            }
            case "techcard" -> {
                var reader = sims().smartcard().orElseThrow(() -> new IllegalStateException("smart-card reader is not simulated"));
                if (arg.equals("remove")) {
                    reader.remove();
                    return "technician card removed";
                }
                reader.insertTechnicianCard();
                return "technician card inserted (PIN " + DemoCards.DEMO_PIN + ")";
            }
            case "qr" -> {
                camera().showQr(arg);
                return "camera shows a QR code";
            }
            case "face" -> {
                switch (arg) {
                    case "" -> camera().showFace();
                    case "dark" -> camera().showDarkFace();
                    case "far" -> camera().showFarFace();
                    case "away" -> camera().showNoFace();
                    case "none" -> camera().showTestPattern();
                    default -> throw new IllegalArgumentException("face [dark|far|away|none]");
                }
                return "camera shows " + camera().scene();
            }
            case "document" -> {
                DocumentScene scene = switch (arg) {
                    case "a4", "" -> DocumentScene.A4_ON_DESK;
                    case "card" -> DocumentScene.CARD;
                    case "blurred" -> DocumentScene.A4_BLURRED;
                    case "cut" -> DocumentScene.A4_CUT_OFF;
                    case "dark" -> DocumentScene.A4_DARK;
                    default -> throw new IllegalArgumentException("document a4|card|blurred|cut|dark");
                };
                camera().showDocument(scene);
                return "camera shows " + camera().scene();
            }
            case "screen" -> {
                return "screen " + ui().shown();
            }
            case "touch" -> {
                ui().touch();
                return "touched";
            }
            case "open" -> {
                String[] a = arg.split("\\s+");
                if (!a[0].equals("immediate")) {
                    throw new IllegalArgumentException("open immediate [SECONDS]");
                }
                // On a first start the catalogue arrives after enrolment: wait for it.
                long seconds = a.length > 1 ? Long.parseLong(a[1]) : 120;
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
                while (!ui().openImmediateItem()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no item this kiosk can perform at once within " + seconds + " s");
                    }
                    Thread.sleep(250);
                }
                return "guide opened";
            }
            case "tap" -> {
                if (!ui().tap(arg)) {
                    throw new IllegalStateException("no button #" + arg + " on screen " + ui().shown());
                }
                return "tapped " + arg;
            }
            case "wait" -> {
                String[] a = arg.split("\\s+");
                long seconds = a.length > 1 ? Long.parseLong(a[1]) : 60;
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
                String now = "";
                while (System.nanoTime() < deadline) {
                    Screen s = screen.get();
                    now = s == null ? "(no window yet)" : s.shown();
                    if (now.equals(a[0])) {
                        return "screen " + now;
                    }
                    Thread.sleep(100);
                }
                out.println("smoke: FAILED waiting for screen " + a[0] + " (" + seconds + " s); shown: " + now);
                quit(1);
                return "";
            }
            case "strict" -> {
                strict = true;
                return "strict: a failed command stops the kiosk with exit code 1";
            }
            case "quit" -> {
                quit(arg.isEmpty() ? 0 : Integer.parseInt(arg));
                return "stopping";
            }
            case "?" -> {
                return HELP;
            }
            default -> {
                return "unknown command; ? for help";
            }
        }
    }
}
