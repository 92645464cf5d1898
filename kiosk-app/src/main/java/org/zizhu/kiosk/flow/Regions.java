package org.zizhu.kiosk.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.zizhu.kiosk.i18n.Text;

/**
 * The regions a postal delivery (物流快递) can go to: the city's banners, districts and county
 * (旗县区), each with its streets, towns, townships and sumu (街道、镇、乡、苏木), under the national
 * statistical division codes (统计用区划代码: six digits for a district, nine for a street, each
 * under its parent). Read from a data file bundled with the kiosk ({@link #baotou()}); malformed
 * data is refused with a message naming the entry, so a bad file never reaches the screen half read.
 */
public final class Regions {
    /** The bundled data for Baotou (包头市). */
    static final String BAOTOU = "/org/zizhu/kiosk/regions/baotou.json";

    private static final Pattern CITY = Pattern.compile("\\d{6}");
    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern STREET = Pattern.compile("\\d{9}");

    /** A street, town, township or sumu: its nine-digit code and Chinese name (how it is written on mail). */
    public record Street(String code, String name) {
    }

    /** A district, banner or county: its six-digit code, its name, and its streets in code order. */
    public record District(String code, Text name, List<Street> streets) {
        public District {
            streets = List.copyOf(streets);
        }
    }

    /** The data was not usable; the message names the entry and what is wrong with it. */
    public static final class MalformedRegions extends IllegalArgumentException {
        MalformedRegions(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String cityCode;
    private final Text city;
    private final List<District> districts;

    private Regions(String cityCode, Text city, List<District> districts) {
        this.cityCode = cityCode;
        this.city = city;
        this.districts = List.copyOf(districts);
    }

    /** Baotou's regions, from the data bundled with the kiosk. */
    public static Regions baotou() {
        try (InputStream in = Regions.class.getResourceAsStream(BAOTOU)) {
            if (in == null) {
                throw new MalformedRegions("regions data " + BAOTOU + " is missing from the kiosk", null);
            }
            return parse(in);
        } catch (IOException e) {
            throw new MalformedRegions("regions data " + BAOTOU + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads regions data: {@code {"city": {"code", "name": {zh, en}}, "districts": [{"code", "name": {zh, en},
     * "streets": [{"code", "name"}]}]}}.
     *
     * @throws MalformedRegions when it is not JSON of that shape, a code does not sit under its
     *                          parent, a name is blank, a code repeats, or a district has no street
     */
    public static Regions parse(InputStream in) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new MalformedRegions("regions data is not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw bad("the top level is not an object");
        }
        JsonNode c = root.path("city");
        String cityCode = code(c, CITY, "city");
        Text city = text(c.path("name"), "city " + cityCode);
        JsonNode ds = root.path("districts");
        if (!ds.isArray() || ds.isEmpty()) {
            throw bad("no districts");
        }
        Set<String> seen = new HashSet<>();
        List<District> districts = new ArrayList<>();
        for (JsonNode d : ds) {
            String dc = code(d, DISTRICT, "a district");
            if (!dc.startsWith(cityCode.substring(0, 4))) {
                throw bad("district " + dc + " is not under city " + cityCode);
            }
            if (!seen.add(dc)) {
                throw bad("district " + dc + " appears twice");
            }
            Text name = text(d.path("name"), "district " + dc);
            JsonNode ss = d.path("streets");
            if (!ss.isArray() || ss.isEmpty()) {
                throw bad("district " + dc + " has no streets");
            }
            List<Street> streets = new ArrayList<>();
            for (JsonNode s : ss) {
                String sc = code(s, STREET, "a street of district " + dc);
                if (!sc.startsWith(dc)) {
                    throw bad("street " + sc + " is not under district " + dc);
                }
                if (!seen.add(sc)) {
                    throw bad("street " + sc + " appears twice");
                }
                String sn = s.path("name").asText("").strip();
                if (!s.path("name").isTextual() || sn.isEmpty()) {
                    throw bad("street " + sc + " has no name");
                }
                streets.add(new Street(sc, sn));
            }
            districts.add(new District(dc, name, streets));
        }
        return new Regions(cityCode, city, districts);
    }

    private static String code(JsonNode n, Pattern shape, String what) {
        JsonNode code = n.path("code");
        if (!code.isTextual() || !shape.matcher(code.asText()).matches()) {
            throw bad(what + " has no valid code (" + (code.isMissingNode() ? "missing" : code.toString()) + ")");
        }
        return code.asText();
    }

    private static Text text(JsonNode n, String what) {
        String zh = n.path("zh").asText("").strip();
        String en = n.path("en").asText("").strip();
        if (!n.path("zh").isTextual() || zh.isEmpty()) {
            throw bad(what + " has no Chinese name");
        }
        return new Text(zh, en.isEmpty() ? zh : en);
    }

    private static MalformedRegions bad(String what) {
        return new MalformedRegions("regions data: " + what, null);
    }

    public String cityCode() {
        return cityCode;
    }

    /** The city as written on mail (内蒙古自治区包头市). */
    public Text city() {
        return city;
    }

    public List<District> districts() {
        return districts;
    }

    public Optional<District> district(String code) {
        return districts.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The street with this code and its district. */
    public Optional<Street> street(String code) {
        return districts.stream().flatMap(d -> d.streets().stream()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** The region as written on mail: city, district, street (内蒙古自治区包头市东河区和平路街道); empty for an unknown code. */
    public Optional<String> postalRegion(String streetCode) {
        for (District d : districts) {
            for (Street s : d.streets()) {
                if (s.code().equals(streetCode)) {
                    return Optional.of(city.zh() + d.name().zh() + s.name());
                }
            }
        }
        return Optional.empty();
    }
}
