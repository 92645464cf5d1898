package org.zizhu.device.idcard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.zizhu.privacy.Masking;

/**
 * The identity read from one card. Immutable apart from {@link #wipe()}: the session that owns
 * it wipes it when the resident leaves, after which every accessor throws
 * {@link IllegalStateException}. {@link #toString()} shows only the card type and masked
 * values, so an identity that ends up in a log line leaks nothing.
 *
 * <p>Which fields are present depends on {@link #cardType()}; absent text fields are empty
 * strings, never null. For the 2017 foreign card {@link #idNumber()} is the 15-character card
 * number.
 */
public final class Identity {
    private final CardType cardType;
    private volatile boolean wiped;
    private String name;
    private String englishName;
    private Gender gender;
    private Nation nation;
    private LocalDate birthDate;
    private String address;
    private String idNumber;
    private String issuingAuthority;
    private Validity validity;
    private String passNumber;
    private String issueCount;
    private String renewalCount;
    private String nationality;
    private String cardVersion;
    private String acceptanceAuthorityCode;
    private byte[] photoWlt;
    private byte[] fingerprint;

    Identity(Builder b) {
        this.cardType = b.cardType;
        this.name = b.name;
        this.englishName = b.englishName;
        this.gender = b.gender;
        this.nation = b.nation;
        this.birthDate = b.birthDate;
        this.address = b.address;
        this.idNumber = b.idNumber;
        this.issuingAuthority = b.issuingAuthority;
        this.validity = b.validity;
        this.passNumber = b.passNumber;
        this.issueCount = b.issueCount;
        this.renewalCount = b.renewalCount;
        this.nationality = b.nationality;
        this.cardVersion = b.cardVersion;
        this.acceptanceAuthorityCode = b.acceptanceAuthorityCode;
        this.photoWlt = b.photoWlt == null ? new byte[0] : b.photoWlt.clone();
        this.fingerprint = b.fingerprint == null ? new byte[0] : b.fingerprint.clone();
    }

    private void live() {
        if (wiped) {
            throw new IllegalStateException("identity was wiped at the end of its session");
        }
    }

    /** The card type is not personal data and stays readable after a wipe. */
    public CardType cardType() {
        return cardType;
    }

    /** Chinese name (may be empty on a 2017 foreign card). May contain characters outside GBK. */
    public String name() {
        live();
        return name;
    }

    /** English name of a foreign permanent resident card; empty otherwise. */
    public String englishName() {
        live();
        return englishName;
    }

    public Gender gender() {
        live();
        return gender;
    }

    /** GB 3304 nation: resident ID cards only. */
    public Optional<Nation> nation() {
        live();
        return Optional.ofNullable(nation);
    }

    public LocalDate birthDate() {
        live();
        return birthDate;
    }

    /** Address; empty on foreign permanent resident cards. */
    public String address() {
        live();
        return address;
    }

    /** ID number (18 characters, check digit verified), or the 2017 foreign card's card number. */
    public String idNumber() {
        live();
        return idNumber;
    }

    /** Issuing authority (签发机关); empty on foreign cards. */
    public String issuingAuthority() {
        live();
        return issuingAuthority;
    }

    public Validity validity() {
        live();
        return validity;
    }

    /** Validity on a given day, e.g. {@code LocalDate.now(clock)}. */
    public ValidityState validityOn(LocalDate day) {
        live();
        return validity.stateOn(day);
    }

    public ValidityState validityAt(Clock clock) {
        live();
        return validity.stateAt(clock);
    }

    /** HK/Macao/Taiwan residence permit: the travel-permit number (通行证号码). */
    public String passNumber() {
        live();
        return passNumber;
    }

    /** HK/Macao/Taiwan residence permit: issue count (签发次数). */
    public String issueCount() {
        live();
        return issueCount;
    }

    /** 2023 foreign card: renewal count (换证次数). */
    public String renewalCount() {
        live();
        return renewalCount;
    }

    /** Foreign cards: nationality code (ISO 3166-1 alpha-3, e.g. CAN). */
    public String nationality() {
        live();
        return nationality;
    }

    /** 2017 foreign card: card version. */
    public String cardVersion() {
        live();
        return cardVersion;
    }

    /** 2017 foreign card: acceptance authority code (受理机关代码). */
    public String acceptanceAuthorityCode() {
        live();
        return acceptanceAuthorityCode;
    }

    /** A copy of the 1024-byte WLT photo; decode it with a {@link PhotoDecoder}. */
    public byte[] photoWlt() {
        live();
        return photoWlt.clone();
    }

    /** A copy of the fingerprint block; empty unless read with command 30 10 and present. */
    public byte[] fingerprint() {
        live();
        return fingerprint.clone();
    }

    public boolean hasFingerprint() {
        live();
        return fingerprint.length > 0;
    }

    /** Decodes the photo with the given decoder. */
    public byte[] photoBmp(PhotoDecoder decoder) throws PhotoDecoder.PhotoDecodeException {
        live();
        return decoder.decodeToBmp(photoWlt.clone());
    }

    /** ID number masked for screens and logs, e.g. {@code 1101**********002X}. */
    public String maskedIdNumber() {
        live();
        return Masking.idNumber(idNumber);
    }

    /** Name masked for screens and logs, e.g. {@code 张**}. */
    public String maskedName() {
        live();
        return Masking.name(name.isEmpty() ? englishName : name);
    }

    /**
     * Zeroes the photo and fingerprint bytes and drops every reference to personal data.
     * Idempotent; afterwards accessors (except {@link #cardType()}) throw IllegalStateException.
     * Strings cannot be zeroed in Java; dropping them makes them unreachable.
     */
    public void wipe() {
        synchronized (this) {
            if (wiped) {
                return;
            }
            wiped = true;
        }
        Arrays.fill(photoWlt, (byte) 0);
        Arrays.fill(fingerprint, (byte) 0);
        photoWlt = new byte[0];
        fingerprint = new byte[0];
        name = englishName = address = idNumber = issuingAuthority = null;
        passNumber = issueCount = renewalCount = nationality = cardVersion = acceptanceAuthorityCode = null;
        gender = null;
        nation = null;
        birthDate = null;
        validity = null;
    }

    public boolean isWiped() {
        return wiped;
    }

    /** Card type and masked values only. */
    @Override
    public String toString() {
        if (wiped) {
            return "Identity[" + cardType + ", wiped]";
        }
        return "Identity[" + cardType + ", name=" + maskedName() + ", id=" + maskedIdNumber() + "]";
    }

    static Builder builder(CardType type) {
        return new Builder(type);
    }

    static final class Builder {
        final CardType cardType;
        String name = "";
        String englishName = "";
        Gender gender;
        Nation nation;
        LocalDate birthDate;
        String address = "";
        String idNumber = "";
        String issuingAuthority = "";
        Validity validity;
        String passNumber = "";
        String issueCount = "";
        String renewalCount = "";
        String nationality = "";
        String cardVersion = "";
        String acceptanceAuthorityCode = "";
        byte[] photoWlt;
        byte[] fingerprint;

        Builder(CardType cardType) {
            this.cardType = cardType;
        }

        Identity build() {
            return new Identity(this);
        }
    }
}
