package org.zizhu.kiosk.devices;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.zizhu.device.camera.sim.CameraSimulator;
import org.zizhu.device.idcard.sim.TestCards;
import org.zizhu.device.printer.sim.PaperState;
import org.zizhu.device.smartcard.sim.DemoCards;
import org.zizhu.device.smartcard.sim.VirtualCardConnection;

/**
 * Lets the person running the demo act on the simulated devices from the terminal that started
 * it: place an ID card, press the help button, open the door, run the receipt printer out of
 * paper, insert a technician card, show a QR code to the camera. Only in simulated mode.
 */
public final class DemoConsole implements Runnable {
    private final DeviceHub hub;
    private final InputStream in;
    private final PrintStream out;
    private final Path workDir;
    private VirtualCardConnection smartcard;

    public DemoConsole(DeviceHub hub, InputStream in, PrintStream out, Path workDir) {
        this.hub = hub;
        this.in = in;
        this.out = out;
        this.workDir = workDir;
    }

    public static void startInBackground(DeviceHub hub, Path workDir) {
        Thread t = new Thread(new DemoConsole(hub, System.in, System.out, workDir), "demo-console");
        t.setDaemon(true);
        t.start();
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
                }
                if (!reply.isEmpty()) {
                    out.println(reply);
                }
            }
        } catch (Exception e) {
            out.println("demo console stopped: " + e);
        }
    }

    String handle(String line) throws Exception {
        if (line.isEmpty()) {
            return "";
        }
        String[] w = line.split("\\s+", 2);
        String arg = w.length > 1 ? w[1].strip() : "";
        switch (w[0].toLowerCase(Locale.ROOT)) {
            case "card" -> {
                var sim = hub.idcardSimulator().orElseThrow(() -> new IllegalStateException("ID card reader is not simulated"));
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
                hub.gpioSimulator().orElseThrow(() -> new IllegalStateException("GPIO is not simulated")).pressHelp();
                return "help button pressed";
            }
            case "door" -> {
                hub.gpioSimulator().orElseThrow(() -> new IllegalStateException("GPIO is not simulated")).setTamperOpen(arg.equals("open"));
                return "door " + (arg.equals("open") ? "open" : "closed");
            }
            case "paper" -> {
                var sim = hub.receiptSimulator().orElseThrow(() -> new IllegalStateException("receipt printer is not simulated"));
                sim.setPaper(switch (arg) {
                    case "near" -> PaperState.NEAR_END;
                    case "end" -> PaperState.END;
                    default -> PaperState.FINE;
                });
                return "paper " + arg;
            }
            case "techcard" -> {
                if (arg.equals("remove")) {
                    if (smartcard != null) {
                        smartcard.remove();
                    }
                    return "technician card removed";
                }
                if (smartcard == null) {
                    smartcard = VirtualCardConnection.vpcd(0);
                }
                smartcard.insert(DemoCards.create(DemoCards.Kind.TECHNICIAN));
                return "technician card inserted (PIN " + DemoCards.DEMO_PIN + ")";
            }
            case "qr" -> {
                var cam = hub.camera().orElseThrow(() -> new IllegalStateException("no camera"));
                cam.reconfigure(CameraSimulator.showQr(arg, workDir.resolve("camera")));
                return "camera shows a QR code";
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
