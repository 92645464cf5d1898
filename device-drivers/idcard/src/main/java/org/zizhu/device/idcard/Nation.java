package org.zizhu.device.idcard;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ethnic group (民族) by its GB 3304 code: 01-56, 97 other, 98 foreign origin.
 *
 * @param code        the two-digit code as on the card, e.g. {@code 01}
 * @param chineseName the full name, e.g. {@code 汉族}
 */
public record Nation(String code, String chineseName) {
    private static final Map<String, Nation> TABLE = new TreeMap<>();

    static {
        String[] names = {
            "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
            "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
            "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
            "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
            "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
            "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
        };
        for (int i = 0; i < names.length; i++) {
            String code = String.format("%02d", i + 1);
            TABLE.put(code, new Nation(code, names[i]));
        }
        TABLE.put("97", new Nation("97", "其他"));
        TABLE.put("98", new Nation("98", "外国血统中国籍人士"));
    }

    /** The nation for a GB 3304 code ("01".."56", "97", "98"); empty for anything else. */
    public static Optional<Nation> ofCode(String code) {
        return Optional.ofNullable(code == null ? null : TABLE.get(code));
    }

    /** The name as printed on the card: without the trailing 族 for the 56 groups (汉族 prints 汉). */
    public String shortName() {
        int n = Integer.parseInt(code);
        return n <= 56 && chineseName.endsWith("族") ? chineseName.substring(0, chineseName.length() - 1) : chineseName;
    }
}
