package org.zizhu.kiosk.session;

import java.time.LocalDate;
import org.zizhu.privacy.Masking;

/**
 * The identified resident as the service flows need them: name, ID number, the address on the
 * card (forms prefill it: 免填) and card validity.
 * Personal data: held by the {@link Visit}, wiped at its end, masked in toString.
 */
public final class Resident implements Wipeable {
    public enum Source { ID_CARD, MOBILE_APP }

    private String name;
    private String idNumber;
    private String address;
    private String loginToken;
    private final Source source;
    private final LocalDate validUntil;
    private volatile boolean wiped;

    public Resident(String name, String idNumber, Source source, LocalDate validUntil) {
        this(name, idNumber, null, source, validUntil);
    }

    /** With the address printed on the ID card ({@code null} when not known). */
    public Resident(String name, String idNumber, String address, Source source, LocalDate validUntil) {
        this.name = name;
        this.address = address;
        this.idNumber = idNumber;
        this.source = source;
        this.validUntil = validUntil;
    }

    /**
     * A resident who showed the mobile app's login code: who they are is known only after the
     * centre exchanges the token, so name and ID number stay empty here.
     */
    public static Resident fromMobileApp(String loginToken) {
        Resident r = new Resident(null, null, Source.MOBILE_APP, null);
        r.loginToken = loginToken;
        return r;
    }

    /** The mobile-app login token (MOBILE_APP only). */
    public String loginToken() {
        check();
        return loginToken;
    }

    public String name() {
        check();
        return name;
    }

    public String idNumber() {
        check();
        return idNumber;
    }

    /** The address on the ID card, or null (a mobile-app login, a card without one). */
    public String address() {
        check();
        return address;
    }

    public Source source() {
        return source;
    }

    /** Null means long-term (长期). */
    public LocalDate validUntil() {
        return validUntil;
    }

    public String maskedName() {
        return wiped || name == null ? "" : Masking.name(name);
    }

    public String maskedIdNumber() {
        return wiped || idNumber == null ? "" : Masking.idNumber(idNumber);
    }

    private void check() {
        if (wiped) {
            throw new IllegalStateException("resident data was wiped at the end of the session");
        }
    }

    @Override
    public void wipe() {
        wiped = true;
        name = null;
        idNumber = null;
        address = null;
        loginToken = null;
    }

    @Override
    public String toString() {
        return "Resident[" + maskedName() + ", " + maskedIdNumber() + ", " + source + "]";
    }
}
