package org.zizhu.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * The kiosk's GPIO: one Pi4J context (owning the providers chosen by {@link GpioConfig#provider()})
 * and the devices on it - status light, help button, tamper switch, fan thermostat, power relay.
 *
 * <p>Status ({@code gpio}): {@code ONLINE} when running; {@code FRAUD_ATTEMPT} from the moment the
 * tamper switch opens until a technician calls {@link #resetTamper()} with the door closed again
 * (closing the door does not undo what may have been done inside); the light then shows
 * {@link LightPattern#OUT_OF_SERVICE}.
 */
public final class GpioController implements Gpio {
    public static final String DEVICE_ID = "gpio";
    private static final Logger log = LoggerFactory.getLogger(GpioController.class);

    private final GpioConfig config;
    private final GpioScheduler scheduler;
    private final Context context;
    private final StatusTracker status;
    private final List<GpioListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<PinRole, DigitalInput> inputs = new EnumMap<>(PinRole.class);
    private final Map<PinRole, OutputPin> outputs = new EnumMap<>(PinRole.class);
    private final StatusLight light;
    private final FanControl fan;
    private final PowerRelay relay;
    private final Debouncer help;
    private final Debouncer tamper;
    private volatile boolean closed;
    private boolean tamperLatched;

    private GpioController(GpioConfig config, GpioScheduler scheduler, StatusTracker status) {
        this.config = config;
        this.scheduler = scheduler;
        this.status = status;
        this.context = newContext(config.provider());
        for (PinRole r : PinRole.values()) {
            if (r.isOutput()) {
                outputs.put(r, new OutputPin(r, createOutput(r), config.activeLow(r)));
            } else {
                inputs.put(r, createInput(r));
            }
        }
        this.light = new StatusLight(outputs.get(PinRole.LIGHT_RED), outputs.get(PinRole.LIGHT_GREEN), scheduler);
        this.relay = new PowerRelay(outputs.get(PinRole.RELAY), scheduler, config.relayMaxPulse());
        this.fan = new FanControl(config.thermalZone(), config.fanOnCelsius(), config.fanOffCelsius(),
                outputs.get(PinRole.FAN), on -> listeners.forEach(l -> safely(() -> l.fanChanged(on))));
        this.help = new Debouncer(readActive(PinRole.HELP_BUTTON), scheduler, config.debounce(), this::onHelp);
        this.tamper = new Debouncer(readActive(PinRole.TAMPER), scheduler, config.debounce(), this::onTamper);
        inputs.get(PinRole.HELP_BUTTON).addListener(e -> help.edge(isActive(PinRole.HELP_BUTTON, e.state())));
        inputs.get(PinRole.TAMPER).addListener(e -> tamper.edge(isActive(PinRole.TAMPER, e.state())));
    }

    /**
     * Builds the Pi4J context for the configured provider, claims the pins and starts the light
     * (OFF), fan thermostat and input debouncing. Takes ~0.3 s.
     */
    public static GpioController open(GpioConfig config, GpioScheduler scheduler) {
        return open(config, scheduler, new StatusTracker(DEVICE_ID, DeviceStatus.OFFLINE));
    }

    public static GpioController open(GpioConfig config, GpioScheduler scheduler, StatusTracker status) {
        GpioController c;
        try {
            c = new GpioController(config, scheduler, status);
        } catch (RuntimeException e) {
            status.update(DeviceStatus.HARDWARE_ERROR, GpioFault.INIT_FAILED);
            EventLog.event(EventId.GPIO_STARTED, Outcome.FAILURE, "provider", config.provider().name(),
                    "error", e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        c.light.show(LightPattern.OFF);
        c.fan.poll();
        c.scheduleFanPoll();
        EventLog.event(EventId.GPIO_STARTED, Outcome.SUCCESS, "provider", config.provider().name(),
                "pins", config.pins().toString());
        status.update(DeviceStatus.ONLINE, DeviceFault.Common.NONE);
        if (c.tamper.stable()) {
            c.onTamper(true); // started with the door open: that is an alarm too
        }
        return c;
    }

    private static Context newContext(GpioConfig.Provider provider) {
        // Providers are added by hand, never auto-detected: the mock must never be picked up on a kiosk.
        return switch (provider) {
            case MOCK -> Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
                    .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
            case GPIOD -> Pi4J.newContextBuilder().noAutoDetect()
                    .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance()).build();
        };
    }

    private Class<? extends DigitalInputProvider> inputProvider() {
        return config.provider() == GpioConfig.Provider.MOCK ? MockDigitalInputProvider.class : GpioDDigitalInputProvider.class;
    }

    private Class<? extends DigitalOutputProvider> outputProvider() {
        return config.provider() == GpioConfig.Provider.MOCK ? MockDigitalOutputProvider.class : GpioDDigitalOutputProvider.class;
    }

    private DigitalOutput createOutput(PinRole r) {
        boolean low = config.activeLow(r);
        // On shutdown the fan keeps running (safe), everything else is released.
        DigitalState shutdown = OutputPin.level(r == PinRole.FAN, low);
        return context.create(DigitalOutput.newConfigBuilder(context).id(r.ioId()).name(r.description())
                .address(config.pin(r)).initial(OutputPin.level(false, low)).shutdown(shutdown)
                .provider(outputProvider()));
    }

    private DigitalInput createInput(PinRole r) {
        boolean low = config.activeLow(r);
        DigitalInput in = context.create(DigitalInput.newConfigBuilder(context).id(r.ioId()).name(r.description())
                .address(config.pin(r)).pull(low ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                .provider(inputProvider()));
        if (in instanceof MockDigitalInput mock) {
            // The simulator's idle level is what the pull resistor gives with the contact at rest.
            mock.mockState(OutputPin.level(false, low));
        }
        return in;
    }

    private boolean isActive(PinRole r, DigitalState s) {
        return s == OutputPin.level(true, config.activeLow(r));
    }

    private boolean readActive(PinRole r) {
        return isActive(r, inputs.get(r).state());
    }

    private void onHelp(boolean pressed) {
        if (!pressed || closed) {
            return;
        }
        EventLog.event(EventId.GPIO_HELP_PRESSED, Outcome.SUCCESS, "pin", config.pin(PinRole.HELP_BUTTON));
        listeners.forEach(l -> safely(l::helpRequested));
    }

    private void onTamper(boolean open) {
        if (closed) {
            return;
        }
        if (open) {
            synchronized (this) {
                tamperLatched = true;
            }
            EventLog.event(EventId.GPIO_TAMPER_ALARM, Outcome.FAILURE, "pin", config.pin(PinRole.TAMPER), "switch", "open");
            status.update(DeviceStatus.FRAUD_ATTEMPT, GpioFault.TAMPER_OPEN);
            light.show(LightPattern.OUT_OF_SERVICE);
        } else {
            EventLog.event(EventId.GPIO_TAMPER_ALARM, Outcome.NA, "pin", config.pin(PinRole.TAMPER), "switch", "closed",
                    "note", "alarm stays until a technician resets it");
            status.update(DeviceStatus.FRAUD_ATTEMPT, GpioFault.TAMPER_CLOSED_AWAITING_RESET);
        }
        listeners.forEach(l -> safely(() -> l.tamperChanged(open)));
    }

    /**
     * A technician clears the tamper alarm. Refused (false) while the switch is still open.
     */
    @Override
    public boolean resetTamper() {
        synchronized (this) {
            if (tamper.stable()) {
                return false;
            }
            if (!tamperLatched) {
                return true;
            }
            tamperLatched = false;
        }
        EventLog.event(EventId.GPIO_TAMPER_RESET, Outcome.SUCCESS);
        status.update(DeviceStatus.ONLINE, DeviceFault.Common.NONE);
        light.show(LightPattern.READY);
        return true;
    }

    @Override
    public synchronized boolean tamperAlarm() {
        return tamperLatched;
    }

    private void scheduleFanPoll() {
        scheduler.schedule(config.fanPollInterval(), () -> {
            if (!closed) {
                fan.poll();
                scheduleFanPoll();
            }
        });
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("GPIO listener failed", e);
        }
    }

    @Override
    public void addListener(GpioListener l) {
        listeners.add(l);
    }

    @Override
    public void removeListener(GpioListener l) {
        listeners.remove(l);
    }

    @Override
    public StatusTracker tracker() {
        return status;
    }

    @Override
    public StatusLight light() {
        return light;
    }

    @Override
    public FanControl fan() {
        return fan;
    }

    @Override
    public PowerRelay relay() {
        return relay;
    }

    @Override
    public GpioConfig config() {
        return config;
    }

    /** Debounced input states (true = pressed / open), for diagnostics. */
    @Override
    public Map<PinRole, Boolean> inputStates() {
        Map<PinRole, Boolean> m = new EnumMap<>(PinRole.class);
        m.put(PinRole.HELP_BUTTON, help.stable());
        m.put(PinRole.TAMPER, tamper.stable());
        return m;
    }

    /** Output states as last set (true = active), for diagnostics. */
    @Override
    public Map<PinRole, Boolean> outputStates() {
        Map<PinRole, Boolean> m = new EnumMap<>(PinRole.class);
        outputs.forEach((r, p) -> m.put(r, p.active()));
        return m;
    }

    /**
     * Technician self-test: switches each output on for {@code each}, then back to what it was,
     * one after the other (the relay pulse briefly power-cycles its device). Blocks the caller.
     */
    @Override
    public Map<PinRole, Boolean> selfTest(Duration each) throws InterruptedException {
        Map<PinRole, Boolean> readBack = new EnumMap<>(PinRole.class);
        for (OutputPin p : outputs.values()) {
            boolean before = p.active();
            p.set(true);
            boolean onOk = p.activeOnPin();
            Thread.sleep(each.toMillis());
            p.set(false);
            boolean offOk = !p.activeOnPin();
            p.set(before);
            readBack.put(p.role(), onOk && offOk);
        }
        EventLog.event(EventId.GPIO_SELF_TEST, readBack.containsValue(false) ? Outcome.FAILURE : Outcome.SUCCESS,
                "result", readBack.toString());
        return readBack;
    }

    /** For the simulator: the Pi4J input of a role. */
    DigitalInput input(PinRole role) {
        return inputs.get(role);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        light.stop();
        relay.release();
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            log.warn("Pi4J shutdown failed", e);
        }
        status.update(DeviceStatus.OFFLINE, DeviceFault.Common.STOPPED);
        EventLog.event(EventId.GPIO_STOPPED, Outcome.SUCCESS);
    }
}
