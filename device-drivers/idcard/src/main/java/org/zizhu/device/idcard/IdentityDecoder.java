package org.zizhu.device.idcard;

import org.zizhu.ids.IdChecks;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Decodes what the reader returns for a card: the 256-byte UCS-2 little-endian text block of
 * all four card types, and the data of read replies (30 01, 30 10) which carry the text block,
 * the WLT photo and the fingerprint block with their lengths.
 *
 * <p>Strict on purpose: the SAM has authenticated the card, so anything that does not match
 * the layout means corruption on the way and is rejected with
 * {@link MalformedCardDataException} rather than shown to a resident. UTF-16 surrogate pairs
 * are accepted (rare name characters beyond the BMP); a lone surrogate is malformed.
 */
public final class IdentityDecoder {
    public static final int TEXT_LENGTH = 256;
    /** Byte offset of the card type flag character. */
    public static final int TYPE_FLAG_OFFSET = 248;
    public static final String LONG_TERM = "长期";
    private static final java.util.regex.Pattern CARD_NUMBER_2017 = java.util.regex.Pattern.compile("[A-Z]{3}[0-9]{12}");

    private IdentityDecoder() {
    }

    /** The three blocks of a read reply. */
    public record CardBlocks(byte[] text, byte[] photo, byte[] fingerprint) {
        /** Zeroes the blocks once decoded. */
        public void wipe() {
            Arrays.fill(text, (byte) 0);
            Arrays.fill(photo, (byte) 0);
            Arrays.fill(fingerprint, (byte) 0);
        }

        @Override
        public String toString() {
            return "CardBlocks[text=" + text.length + "B, photo=" + photo.length + "B, fingerprint=" + fingerprint.length + "B]";
        }
    }

    /**
     * Splits the data of a read reply (after SW1-SW3): textLen(2) photoLen(2) [fpLen(2)] text
     * photo [fingerprint], lengths big-endian.
     */
    public static CardBlocks splitReadReply(byte[] data, boolean withFingerprint) throws MalformedCardDataException {
        int header = withFingerprint ? 6 : 4;
        if (data == null || data.length < header) {
            throw new MalformedCardDataException("read reply shorter than its length header");
        }
        int textLen = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int photoLen = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        int fpLen = withFingerprint ? ((data[4] & 0xFF) << 8) | (data[5] & 0xFF) : 0;
        if (textLen != TEXT_LENGTH) {
            throw new MalformedCardDataException("text block length is not 256");
        }
        if (header + textLen + photoLen + fpLen != data.length) {
            throw new MalformedCardDataException("read reply lengths do not add up to the data received");
        }
        int p = header;
        byte[] text = Arrays.copyOfRange(data, p, p += textLen);
        byte[] photo = Arrays.copyOfRange(data, p, p += photoLen);
        byte[] fp = Arrays.copyOfRange(data, p, p + fpLen);
        return new CardBlocks(text, photo, fp);
    }

    /** Decodes a read reply's data into an identity. */
    public static Identity decodeReadReply(byte[] data, boolean withFingerprint) throws MalformedCardDataException {
        CardBlocks blocks = splitReadReply(data, withFingerprint);
        try {
            return decode(blocks.text(), blocks.photo(), blocks.fingerprint());
        } finally {
            blocks.wipe();
        }
    }

    /** Decodes a text block (photo and fingerprint may be null or empty). */
    public static Identity decode(byte[] text, byte[] photo, byte[] fingerprint) throws MalformedCardDataException {
        if (text == null || text.length != TEXT_LENGTH) {
            throw new MalformedCardDataException("text block is not 256 bytes");
        }
        String flagField = field(text, TYPE_FLAG_OFFSET, 2, "type flag");
        char flag = flagField.isEmpty() ? ' ' : flagField.charAt(0);
        CardType type = CardType.ofFlag(flag);
        if (type == null) {
            throw new MalformedCardDataException("unknown card type flag");
        }
        Identity.Builder b = Identity.builder(type);
        b.photoWlt = photo;
        b.fingerprint = fingerprint;
        switch (type) {
            case RESIDENT_ID, HMT_RESIDENCE_PERMIT -> {
                b.name = required(text, 0, 30, "name");
                b.gender = gender(text, 30);
                String nationCode = field(text, 32, 4, "nation");
                if (type == CardType.RESIDENT_ID) {
                    b.nation = Nation.ofCode(nationCode)
                            .orElseThrow(() -> new MalformedCardDataException("nation code not in GB 3304"));
                } else if (!nationCode.isEmpty()) {
                    b.nation = Nation.ofCode(nationCode).orElse(null);
                }
                b.birthDate = date(text, 36, "birth date");
                b.address = field(text, 52, 70, "address");
                b.idNumber = idNumber(text, 122);
                b.issuingAuthority = field(text, 158, 30, "issuing authority");
                b.validity = validity(text);
                if (type == CardType.HMT_RESIDENCE_PERMIT) {
                    b.passNumber = field(text, 220, 18, "pass number");
                    b.issueCount = field(text, 238, 4, "issue count");
                }
            }
            case FOREIGN_PERMANENT_2017 -> {
                b.englishName = required(text, 0, 120, "English name");
                b.gender = gender(text, 120);
                b.idNumber = required(text, 122, 30, "card number");
                if (!CARD_NUMBER_2017.matcher(b.idNumber).matches()) {
                    // 3-letter nationality + 12 digits; the check character rule is unconfirmed,
                    // so only the shape is verified.
                    throw new MalformedCardDataException("card number is not 3 letters and 12 digits");
                }
                b.nationality = field(text, 152, 6, "nationality");
                b.name = field(text, 158, 30, "Chinese name");
                b.validity = validity(text);
                b.birthDate = date(text, 220, "birth date");
                b.cardVersion = field(text, 236, 4, "card version");
                b.acceptanceAuthorityCode = field(text, 240, 8, "acceptance authority");
            }
            case FOREIGN_PERMANENT_2023 -> {
                b.name = field(text, 0, 30, "Chinese name");
                b.gender = gender(text, 30);
                b.renewalCount = field(text, 32, 4, "renewal count");
                b.birthDate = date(text, 36, "birth date");
                // The English name runs on from part 1 (52..121) into part 2 (220..241):
                // join the raw fields before trimming so a space at the boundary survives.
                b.englishName = trim(raw(text, 52, 70, "English name") + raw(text, 220, 22, "English name"));
                if (b.englishName.isEmpty()) {
                    throw new MalformedCardDataException("English name is empty");
                }
                b.idNumber = idNumber(text, 122);
                b.validity = validity(text);
                b.nationality = field(text, 242, 6, "nationality");
            }
            default -> throw new MalformedCardDataException("unknown card type flag");
        }
        return b.build();
    }

    private static String idNumber(byte[] text, int off) throws MalformedCardDataException {
        String id = field(text, off, 36, "ID number");
        if (!IdChecks.validIdNumber(id)) {
            throw new MalformedCardDataException("ID number fails the GB 11643 check digit");
        }
        return id;
    }

    private static Validity validity(byte[] text) throws MalformedCardDataException {
        LocalDate from = date(text, 188, "valid-from date");
        String to = field(text, 204, 16, "valid-to date");
        if (to.startsWith(LONG_TERM)) {
            return new Validity(from, null);
        }
        LocalDate until = parseDate(to, "valid-to date");
        if (until.isBefore(from)) {
            throw new MalformedCardDataException("validity ends before it starts");
        }
        return new Validity(from, until);
    }

    private static Gender gender(byte[] text, int off) throws MalformedCardDataException {
        String g = field(text, off, 2, "gender");
        Gender gender = g.length() == 1 ? Gender.ofCode(g.charAt(0)) : null;
        if (gender == null) {
            throw new MalformedCardDataException("gender code is not 0, 1, 2 or 9");
        }
        return gender;
    }

    private static LocalDate date(byte[] text, int off, String what) throws MalformedCardDataException {
        return parseDate(field(text, off, 16, what), what);
    }

    private static LocalDate parseDate(String s, String what) throws MalformedCardDataException {
        if (s.length() != 8) {
            throw new MalformedCardDataException(what + " is not YYYYMMDD");
        }
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedCardDataException(what + " is not YYYYMMDD");
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 4, 6, 10), Integer.parseInt(s, 6, 8, 10));
        } catch (DateTimeException e) {
            throw new MalformedCardDataException(what + " is not a calendar date");
        }
    }

    private static String required(byte[] text, int off, int len, String what) throws MalformedCardDataException {
        String s = field(text, off, len, what);
        if (s.isEmpty()) {
            throw new MalformedCardDataException(what + " is empty");
        }
        return s;
    }

    private static String field(byte[] text, int off, int len, String what) throws MalformedCardDataException {
        return trim(raw(text, off, len, what));
    }

    /**
     * Decodes a UTF-16LE field strictly: a high surrogate must be followed by a low one and a
     * low one preceded by a high one; control characters other than NUL padding are rejected
     * (they have no place on a card and could corrupt a screen or a log line).
     */
    private static String raw(byte[] text, int off, int len, String what) throws MalformedCardDataException {
        char[] chars = new char[len / 2];
        for (int i = 0; i < chars.length; i++) {
            char c = (char) ((text[off + 2 * i] & 0xFF) | (text[off + 2 * i + 1] & 0xFF) << 8);
            if (c != 0 && (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFE || c == 0xFFFF)) {
                throw new MalformedCardDataException(what + " contains control characters");
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(chars[i - 1]))) {
                throw new MalformedCardDataException(what + " is not valid UTF-16LE (lone low surrogate)");
            }
            if (i > 0 && Character.isHighSurrogate(chars[i - 1]) && !Character.isLowSurrogate(c)) {
                throw new MalformedCardDataException(what + " is not valid UTF-16LE (lone high surrogate)");
            }
            chars[i] = c;
        }
        if (chars.length > 0 && Character.isHighSurrogate(chars[chars.length - 1])) {
            throw new MalformedCardDataException(what + " is not valid UTF-16LE (lone high surrogate)");
        }
        return new String(chars);
    }

    /** Trims padding: spaces, full-width spaces and NULs at both ends. */
    private static String trim(String s) {
        int a = 0;
        int z = s.length();
        while (a < z && pad(s.charAt(a))) {
            a++;
        }
        while (z > a && pad(s.charAt(z - 1))) {
            z--;
        }
        String t = s.substring(a, z);
        if (t.indexOf('\0') >= 0) {
            return t.replace("\0", "");
        }
        return t;
    }

    private static boolean pad(char c) {
        return c == ' ' || c == '\0' || c == '\u3000';
    }
}
