package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.i18n.Text;

/** The postal regions: Baotou's bundled data as the statistics bureau codes it, and bad data refused by name. */
class RegionsTest {
    private static Regions parse(String json) {
        return Regions.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void baotouHasItsNineDistrictsBannersAndCountyEachWithItsStreetsTownsAndSumu() {
        Regions r = Regions.baotou();
        assertEquals("150200", r.cityCode());
        assertEquals("内蒙古自治区包头市", r.city().zh());
        assertEquals(List.of("150202", "150203", "150204", "150205", "150206", "150207", "150221", "150222", "150223"),
                r.districts().stream().map(Regions.District::code).toList());
        assertEquals(List.of("东河区", "昆都仑区", "青山区", "石拐区", "白云鄂博矿区", "九原区", "土默特右旗", "固阳县", "达尔罕茂明安联合旗"),
                r.districts().stream().map(d -> d.name().zh()).toList());
        for (Regions.District d : r.districts()) {
            assertTrue(d.streets().size() >= 2, d.code() + " has " + d.streets().size() + " streets");
            assertTrue(d.name().complete(), d.code() + " needs both names");
            d.streets().forEach(s -> assertTrue(s.code().startsWith(d.code()) && s.code().length() == 9, s.toString()));
        }
        assertEquals(Optional.of(new Regions.Street("150202001", "和平路街道")), r.street("150202001"));
        assertEquals(Optional.of(new Regions.Street("150223213", "达尔汗苏木")), r.street("150223213"), "a sumu of Darhan Muminggan");
        assertEquals(Optional.of("内蒙古自治区包头市东河区和平路街道"), r.postalRegion("150202001"));
        assertEquals(Optional.of("内蒙古自治区包头市土默特右旗萨拉齐镇"), r.postalRegion("150221104"));
        assertEquals(Optional.empty(), r.postalRegion("150202999"));
        assertEquals(Optional.empty(), r.district("150201"), "市辖区 is not a postal region");
    }

    @Test
    void malformedDataIsRefusedWithAMessageNamingTheEntry() {
        String city = "\"city\": {\"code\": \"150200\", \"name\": {\"zh\": \"包头市\", \"en\": \"Baotou\"}}";
        String ok = "{" + city + ", \"districts\": [{\"code\": \"150202\", \"name\": {\"zh\": \"东河区\", \"en\": \"Donghe\"},"
                + " \"streets\": [{\"code\": \"150202001\", \"name\": \"和平路街道\"}]}]}";
        assertEquals(List.of(new Regions.Street("150202001", "和平路街道")), parse(ok).districts().get(0).streets());
        assertEquals(new Text("东河区", "Donghe"), parse(ok).districts().get(0).name());

        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse("{\"city\": ")).getMessage().contains("not JSON"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse("[]")).getMessage().contains("top level"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse("{" + city + ", \"districts\": []}"))
                .getMessage().contains("no districts"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse(ok.replace("\"150202001\"", "\"150203001\"")))
                .getMessage().contains("street 150203001 is not under district 150202"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse(ok.replace("\"150202001\"", "\"1502\"")))
                .getMessage().contains("no valid code"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse(ok.replace("\"150202\"", "\"150302\"")))
                .getMessage().contains("district 150302 is not under city 150200"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse(ok.replace("和平路街道", " ")))
                .getMessage().contains("street 150202001 has no name"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse(ok.replace("\"zh\": \"东河区\", ", "")))
                .getMessage().contains("district 150202 has no Chinese name"));
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse(ok.replace(
                "[{\"code\": \"150202001\", \"name\": \"和平路街道\"}]", "[]"))).getMessage().contains("district 150202 has no streets"));
        String twice = ok.replace("{\"code\": \"150202001\", \"name\": \"和平路街道\"}",
                "{\"code\": \"150202001\", \"name\": \"和平路街道\"}, {\"code\": \"150202001\", \"name\": \"财神庙街道\"}");
        assertTrue(assertThrows(Regions.MalformedRegions.class, () -> parse(twice)).getMessage().contains("street 150202001 appears twice"));
    }
}
