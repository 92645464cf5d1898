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

    @Test
    void theLastSecondsBeforeTheIdleTimeoutAreCountedDownAndMoreTimeRestartsTheTimer() {
        assertTrue(flow.idleCountdown().isEmpty(), "the attract screen has no countdown");
        flow.touch();
        clock.now = clock.now.plusSeconds(69);
        assertTrue(flow.idleCountdown().isEmpty(), "21 s left: not yet");
        clock.now = clock.now.plusSeconds(1);
        assertEquals(20, flow.idleCountdown().orElseThrow());
        clock.now = clock.now.plusMillis(500);
        assertEquals(20, flow.idleCountdown().orElseThrow(), "rounded up: never 0 while time remains");
        clock.now = clock.now.plusMillis(19_000);
        assertEquals(1, flow.idleCountdown().orElseThrow());
        flow.moreTime();
        assertTrue(flow.idleCountdown().isEmpty());
        assertEquals(BrowseState.Screen.HOME, flow.state().screen(), "more time changes nothing on screen");
        clock.now = clock.now.plusSeconds(89);
        assertFalse(flow.tick(), "the timer started afresh at the press");
        assertEquals(1, flow.idleCountdown().orElseThrow());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(flow.tick());
        assertTrue(flow.idleCountdown().isEmpty(), "back on the attract screen");
    }

    @Test
    void aShortTimeoutWarnsForItsSecondHalfOnly() {
        BrowseFlow shortFlow = new BrowseFlow(BrowseFlowTest::catalog, Language.ZH, Duration.ofSeconds(10), clock);
        shortFlow.touch();
        clock.now = clock.now.plusSeconds(4);
        assertTrue(shortFlow.idleCountdown().isEmpty());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(5, shortFlow.idleCountdown().orElseThrow());
    }

    @Test
    void elderModeDoublesTheTimeoutListsFewerItemsAndEndsWithTheVisit() {
        flow.toggleElderMode();
        assertEquals(BrowseState.Screen.HOME, flow.state().screen(), "the button starts the visit");
        assertTrue(flow.state().elderMode());
        assertEquals(Duration.ofSeconds(180), flow.idleTimeout());
        flow.openItem("A1");
        flow.setLanguage(Language.EN);
        assertTrue(flow.state().elderMode(), "kept across screens and languages");
        clock.now = clock.now.plusSeconds(159);
        assertFalse(flow.tick());
        assertTrue(flow.idleCountdown().isEmpty(), "21 s of 180 left");
        clock.now = clock.now.plusSeconds(1);
        assertEquals(20, flow.idleCountdown().orElseThrow(), "the countdown is the last 20 s of the doubled timeout");
        clock.now = clock.now.plusSeconds(20);
        assertTrue(flow.tick());
        assertFalse(flow.state().elderMode(), "the next resident starts in the default mode");
        assertEquals(Duration.ofSeconds(90), flow.idleTimeout());

        flow.toggleElderMode();
        flow.toggleElderMode();
        assertFalse(flow.state().elderMode(), "the button switches it off again");
        flow.toggleElderMode();
        flow.endSession();
        assertFalse(flow.state().elderMode(), "a finished visit returns to the default too");
    }

    @Test
    void elderModeCanBeTheDefaultAndTheResidentCanSwitchItOff() {
        flow.setElderModeDefault(true);
        assertTrue(flow.state().elderMode(), "the attract screen takes the default at once");
        flow.touch();
        assertTrue(flow.state().elderMode());
        flow.toggleElderMode();
        assertFalse(flow.state().elderMode());
        clock.now = clock.now.plusSeconds(90);
        assertTrue(flow.tick(), "switched off: the normal timeout");
        assertTrue(flow.state().elderMode(), "the visit's end returns to the configured default");
    }

    @Test
    void elderModeListsFewerHighFrequencyItems() {
        List<ItemSummary> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new ItemSummary("P" + i, new Text("事项" + i, "Item " + i), Audience.PERSON, "employment", true, i,
                    List.of(CatalogModel.Handling.GUIDE), List.of(), "p".repeat(16)));
        }
        Catalog big = new Catalog("v2", catalog().groups(Audience.PERSON), many, Map.of());
        BrowseFlow f = new BrowseFlow(() -> big, Language.ZH, Duration.ofSeconds(90), clock);
        f.touch();
        assertEquals(BrowseView.HIGH_FREQUENCY_ITEMS, f.view().items().size());
        f.toggleElderMode();
        List<ItemSummary> elder = f.view().items();
        assertEquals(BrowseView.ELDER_HIGH_FREQUENCY_ITEMS, elder.size());
        assertEquals(f.view().items(), elder);
        assertEquals(big.highFrequency(Audience.PERSON, BrowseView.ELDER_HIGH_FREQUENCY_ITEMS), elder,
                "the most used first");
    }
}
