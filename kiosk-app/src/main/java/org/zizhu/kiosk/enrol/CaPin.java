package org.zizhu.kiosk.enrol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.zizhu.kiosk.storage.SecureFiles;
import org.zizhu.kiosk.central.TerminalCredentials;
import org.zizhu.kiosk.config.ConfigException;
import org.zizhu.kiosk.config.ConfigKey;
import org.zizhu.kiosk.config.KioskConfig;

/**
 * Which centre CA an enrolment may trust: the SHA-256 fingerprint from {@code
 * central.caFingerprint}; else the one recorded when this terminal first trusted a CA on first
 * use ({@code <data.dir>/credentials/centre-ca.pin}), so a later re-enrolment cannot be
 * redirected; else none yet, which only a demo (simulated devices) or an explicit
 * {@code central.trustOnFirstUse=true} accepts.
 *
 * @param sha256 lower-case hex without separators; empty for {@link Source#FIRST_USE}
 */
public record CaPin(String sha256, Source source) {
    static final String FILE = "centre-ca.pin";

    /** Where the pin came from. */
    public enum Source {
        /** {@code central.caFingerprint}, from the technician's enrolment sheet. */
        CONFIGURED,
        /** Recorded at an earlier enrolment that trusted the centre CA on first use. */
        RECORDED,
        /** No pin yet: the first CA seen is trusted and then recorded. */
        FIRST_USE
    }

    public CaPin {
        if (source == Source.FIRST_USE ? !sha256.isEmpty() : !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a pin is 64 lower-case hex digits (empty only for first use)");
        }
    }

    /** The pin an enrolment under this configuration must use. */
    public static CaPin forEnrolment(KioskConfig config) throws ConfigException, IOException {
        String configured = normalise(config.get(ConfigKey.CENTRAL_CA_FINGERPRINT));
        if (!configured.isEmpty()) {
            return new CaPin(configured, Source.CONFIGURED);
        }
        Optional<String> recorded = recorded(config.dataDir());
        if (recorded.isPresent()) {
            return new CaPin(recorded.get(), Source.RECORDED);
        }
        if (config.get(ConfigKey.DEVICE_MODE).equals("real") && !config.getBoolean(ConfigKey.CENTRAL_TRUST_ON_FIRST_USE)) {
            throw new ConfigException(config.source() + ": central.caFingerprint is empty and device.mode=real: set it to the"
                    + " centre CA's SHA-256 from the enrolment sheet (lab set-ups only: central.trustOnFirstUse=true)");
        }
        return new CaPin("", Source.FIRST_USE);
    }

    /** {@code AB:CD...} or {@code abcd...} to {@code abcd...}. */
    public static String normalise(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The fingerprint recorded by a first-use enrolment, if any. */
    static Optional<String> recorded(Path dataDir) throws IOException {
        Path f = TerminalCredentials.dir(dataDir).resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        String v = normalise(new String(SecureFiles.read(f), StandardCharsets.US_ASCII));
        if (!v.matches("[0-9a-f]{64}")) {
            // Never fall back to first use: that would let whoever damaged the file choose the CA.
            throw new IOException(f + " is damaged; restore it or set central.caFingerprint from the enrolment sheet");
        }
        return Optional.of(v);
    }

    /** Records the CA trusted on first use; from then on it is the pin. */
    static void record(Path dataDir, String sha256) throws IOException {
        SecureFiles.write(TerminalCredentials.dir(dataDir).resolve(FILE), (sha256 + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    public boolean firstUse() {
        return source == Source.FIRST_USE;
    }
}
