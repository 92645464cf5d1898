package org.zizhu.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.catalog.Catalog;
import org.zizhu.kiosk.catalog.CatalogModel;
import org.zizhu.kiosk.catalog.CatalogModel.Audience;
import org.zizhu.kiosk.catalog.CatalogModel.Group;
import org.zizhu.kiosk.catalog.CatalogModel.ItemSummary;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.i18n.Language;

class BrowseFlowTest {

    static Catalog catalog() {
        var groups = List.of(new Group("employment", Audience.PERSON, 1, new Text("就业创业", "Employment")),
                new Group("start-up", Audience.ENTERPRISE, 1, new Text("企业开办", "Starting a business")));
        var a = new ItemSummary("A1", new Text("失业登记", "Unemployment registration"), Audience.PERSON, "employment", true, 1,
                List.of(CatalogModel.Handling.GUIDE), List.of("失业"), "aaaaaaaaaaaaaaaa");
        var b = new ItemSummary("B1", new Text("企业设立登记", "Company registration"), Audience.ENTERPRISE, "start-up", true, 2,
                List.of(CatalogModel.Handling.GUIDE), List.of(), "bbbbbbbbbbbbbbbb");
        var detail = new CatalogModel.ItemDetail("A1", a.name(), null, Audience.PERSON, null, "employment", true, 1,
                List.of(), null, null, null, null, null, null, null, null, List.of(), null, List.of(), null, null,
                null, null, null, null, null, null, null, null, null, List.of(), "aaaaaaaaaaaaaaaa", "https://x/guide/A1");
        return new Catalog("v1", groups, List.of(a, b), Map.of("A1", detail));
    }

    private final ManualClock clock = new ManualClock(ZoneId.of("UTC"));
    private final BrowseFlow flow = new BrowseFlow(BrowseFlowTest::catalog, Language.ZH, Duration.ofSeconds(90), clock);

    @Test
    void touchWakesAttractAndOpensGuides() {
        assertEquals(BrowseState.Screen.ATTRACT, flow.state().screen());
        flow.touch();
        assertEquals(BrowseState.Screen.HOME, flow.state().screen());
        flow.openItem("A1");
        assertEquals(BrowseState.Screen.GUIDE, flow.state().screen());
        assertEquals("A1", flow.state().itemCode());
        flow.back();
        assertEquals(BrowseState.Screen.HOME, flow.state().screen());
    }

    @Test
    void unknownCodesLeaveStateWithNotice() {
        flow.touch();
        flow.openItem("NOPE");
        assertEquals(BrowseState.Screen.HOME, flow.state().screen());
        assertEquals("notice.unknownItem", flow.state().notice());
        flow.openItem(null);
        flow.chooseGroup("no-such-group");
        assertEquals("notice.unknownGroup", flow.state().notice());
        flow.home();
        assertNull(flow.state().notice());
    }

    @Test
    void groupSwitchesAudienceAndSearchIsCapped() {
        flow.touch();
        flow.chooseGroup("start-up");
        assertEquals(Audience.ENTERPRISE, flow.state().audience());
        assertEquals("start-up", flow.state().groupId());
        flow.search("x".repeat(500));
        assertEquals(BrowseFlow.MAX_QUERY, flow.state().query().length());
        assertNull(flow.state().groupId());
        assertEquals(List.of("A1"), catalog().search("失业").stream().map(ItemSummary::code).toList());
        assertEquals(List.of("B1"), catalog().search("ＣＯＭＰＡＮＹ").stream().map(ItemSummary::code).toList());
        assertTrue(catalog().search("   ").isEmpty());
    }

    @Test
    void idleTimeoutResetsToAttractInDefaultLanguage() {
        List<BrowseState> seen = new ArrayList<>();
        flow.addListener(seen::add);
        flow.touch();
        flow.setLanguage(Language.EN);
        flow.openItem("A1");
        clock.now = clock.now.plusSeconds(89);
        assertFalse(flow.tick());
        flow.touch(); // a touch restarts the timer
        clock.now = clock.now.plusSeconds(89);
        assertFalse(flow.tick());
        clock.now = clock.now.plusSeconds(2);
        assertTrue(flow.tick());
        BrowseState s = flow.state();
        assertEquals(BrowseState.Screen.ATTRACT, s.screen());
        assertEquals(Language.ZH, s.language());
        assertNull(s.itemCode());
        assertFalse(flow.tick(), "attract screen never times out");
        assertEquals(BrowseState.Screen.ATTRACT, seen.get(seen.size() - 1).screen());
    }

    @Test
    void personalDataHeldBySessionIsWipedAtIdleTimeoutAndSessionsAreNew() {
        flow.touch();
        var first = flow.session();
        boolean[] wiped = {false};
        first.hold(() -> wiped[0] = true);
        clock.now = clock.now.plusSeconds(91);
        assertTrue(flow.tick());
        assertTrue(wiped[0], "identity wiped when the resident walks away");
        assertTrue(first.ended());
        flow.touch();
        assertFalse(flow.session().ended());
        assertFalse(first.id().equals(flow.session().id()), "a new visit is a new session");
    }
}
