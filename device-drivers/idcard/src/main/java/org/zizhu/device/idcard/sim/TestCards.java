package org.zizhu.device.idcard.sim;

import java.util.Locale;
import java.util.Random;
import org.zizhu.device.idcard.CardType;

/**
 * Built-in sample cards for the simulator, tests and demo. All people are fictional; the ID
 * numbers carry valid GB 11643 check digits. Photos and fingerprints are deterministic
 * pseudo-random bytes of the right size, not real WLT data.
 */
public enum TestCards {
    /** A resident ID card valid 2020-2040. */
    RESIDENT(new Spec(CardType.RESIDENT_ID).name("王小明").gender('1').nation("01").birth("19900307")
            .address("北京市东城区示例街道幸福里1号院3号楼2单元501室").id("110101199003071233")
            .authority("北京市公安局东城分局").valid("20200315", "20400315")),
    /** A name with 䶮 (U+4DAE, CJK extension A, outside GBK) and a Zhuang nation code. */
    RARE_NAME(new Spec(CardType.RESIDENT_ID).name("刘䶮").gender('2').nation("08").birth("19850512")
            .address("广西壮族自治区南宁市青秀区示例路88号").id("450102198505122344")
            .authority("南宁市公安局青秀分局").valid("20160601", "20360601")),
    /** Long-term validity (长期), issued to a person over 46; name with a surrogate pair (𠮷, U+20BB7). */
    LONG_TERM(new Spec(CardType.RESIDENT_ID).name("赵𠮷祥").gender('1').nation("03").birth("19500101")
            .address("北京市西城区示例胡同12号").id("110105195001013459")
            .authority("北京市公安局西城分局").valid("20100101", "长期")),
    /** A card that expired in 2021. */
    EXPIRED(new Spec(CardType.RESIDENT_ID).name("陈晓红").gender('2').nation("01").birth("20000229")
            .address("广东省深圳市福田区示例大道100号").id("440306200002291562")
            .authority("深圳市公安局福田分局").valid("20160301", "20210301")),
    /** Hong Kong/Macao/Taiwan residence permit ('J'). */
    PERMIT(new Spec(CardType.HMT_RESIDENCE_PERMIT).name("林美玲").gender('2').birth("19940823")
            .address("广东省深圳市南山区示例路6号").id("810000199408230021")
            .authority("深圳市公安局南山分局").valid("20190101", "20390101")
            .extra(220, 18, "H60123456").extra(238, 4, "01")),
    /** Foreign permanent resident card, 2017 edition ('I'). */
    FOREIGN_2017(new Spec(CardType.FOREIGN_PERMANENT_2017).english("SMITH, JOHN WILLIAM").name("史密斯")
            .gender('1').birth("19800123").id("USA110080123451").valid("20180101", "20280101")
            .extra(152, 6, "USA").extra(236, 4, "02").extra(240, 8, "1100")),
    /** Foreign permanent resident card, 2023 edition ('Y'); the English name runs into part 2. */
    FOREIGN_2023(new Spec(CardType.FOREIGN_PERMANENT_2023).name("玛丽亚").gender('2').birth("19850615")
            .english("HERNANDEZ GONZALEZ, MARIA FERNANDA ALEJANDRA").id("931724198506150028")
            .valid("20231201", "20331201").extra(32, 4, "00").extra(242, 6, "ESP"));

    private final Spec spec;
    private final byte[] text;

    TestCards(Spec spec) {
        this.spec = spec;
        this.text = spec.text();
    }

    /** Looks a card up by a friendly name: resident, rare, longterm, expired, permit, foreign2017, foreign2023. */
    public static TestCards byName(String s) {
        String k = s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (TestCards c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).replace("_", "").equals(k)) {
                return c;
            }
        }
        if (k.equals("rare")) {
            return RARE_NAME;
        }
        throw new IllegalArgumentException("no test card '" + s + "'; choose one of resident, rarename,"
                + " longterm, expired, permit, foreign2017, foreign2023");
    }

    public CardType cardType() {
        return spec.type;
    }

    public String chineseName() {
        return spec.name;
    }

    public String englishName() {
        return spec.english;
    }

    public String idNumber() {
        return spec.id;
    }

    public char genderCode() {
        return spec.gender;
    }

    public String nationCode() {
        return spec.nation;
    }

    public String birth() {
        return spec.birth;
    }

    public String address() {
        return spec.address;
    }

    public String issuingAuthority() {
        return spec.authority;
    }

    public String validFrom() {
        return spec.validFrom;
    }

    public String validTo() {
        return spec.validTo;
    }

    /** The 256-byte text block exactly as the card would return it. */
    public byte[] textBlock() {
        return text.clone();
    }

    /** 1024 bytes standing in for the WLT photo (deterministic per card). */
    public byte[] photo() {
        byte[] b = new byte[1024];
        new Random(0x5A4D_0000L + ordinal()).nextBytes(b);
        b[0] = 'W';
        b[1] = 'L';
        return b;
    }

    /** 1024 bytes standing in for the fingerprint block (two 512-byte templates). */
    public byte[] fingerprint() {
        byte[] b = new byte[1024];
        new Random(0x4650_0000L + ordinal()).nextBytes(b);
        return b;
    }

    static final class Spec {
        final CardType type;
        String name = "";
        String english = "";
        char gender = '1';
        String nation = "";
        String birth = "";
        String address = "";
        String id = "";
        String authority = "";
        String validFrom = "";
        String validTo = "";
        final java.util.List<Object[]> extras = new java.util.ArrayList<>();

        Spec(CardType type) {
            this.type = type;
        }

        Spec name(String v) { name = v; return this; }
        Spec english(String v) { english = v; return this; }
        Spec gender(char v) { gender = v; return this; }
        Spec nation(String v) { nation = v; return this; }
        Spec birth(String v) { birth = v; return this; }
        Spec address(String v) { address = v; return this; }
        Spec id(String v) { id = v; return this; }
        Spec authority(String v) { authority = v; return this; }
        Spec valid(String from, String to) { validFrom = from; validTo = to; return this; }
        Spec extra(int off, int len, String v) { extras.add(new Object[] {off, len, v}); return this; }

        byte[] text() {
            TextBlockWriter w = new TextBlockWriter();
            String g = String.valueOf(gender);
            switch (type) {
                case RESIDENT_ID, HMT_RESIDENCE_PERMIT -> w.put(0, 30, name).put(30, 2, g).put(32, 4, nation)
                        .put(36, 16, birth).put(52, 70, address).put(122, 36, id).put(158, 30, authority);
                case FOREIGN_PERMANENT_2017 -> w.put(0, 120, english).put(120, 2, g).put(122, 30, id)
                        .put(158, 30, name).put(220, 16, birth);
                case FOREIGN_PERMANENT_2023 -> {
                    int split = Math.min(english.length(), 35);
                    w.put(0, 30, name).put(30, 2, g).put(36, 16, birth).put(52, 70, english.substring(0, split))
                            .put(220, 22, english.substring(split)).put(122, 36, id);
                }
                default -> throw new IllegalStateException();
            }
            w.put(188, 16, validFrom).put(204, 16, validTo);
            for (Object[] e : extras) {
                w.put((Integer) e[0], (Integer) e[1], (String) e[2]);
            }
            if (type != CardType.RESIDENT_ID) {
                w.put(248, 2, String.valueOf(type.flag()));
            }
            return w.toBytes();
        }
    }
}
