package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.zizhu.central.catalog.CatalogRepository;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiRequest;
import org.zizhu.central.http.ApiResponse;
import org.zizhu.central.seed.SeedData;

/**
 * Service-hall operations: appointment check-in and queue tickets, 好差评 evaluations (bad
 * ratings get callback and correction deadlines, configurable per city) and 办不成事 reports.
 */
public final class HallApi {
    private final SeedData seed;
    private final CatalogRepository catalog;
    private final Function<ApiRequest, String> residentOf;
    private final Duration callbackWithin;
    private final Duration correctionWithin;
    private final Map<String, AtomicInteger> ticketSeq = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> checkIns = new ConcurrentHashMap<>();
    private final List<JsonNode> evaluations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> reports = new CopyOnWriteArrayList<>();

    /**
     * @param residentOf the resident ID number behind a request's resident token, or null
     */
    public HallApi(SeedData seed, CatalogRepository catalog, Function<ApiRequest, String> residentOf,
                   Duration callbackWithin, Duration correctionWithin) {
        this.seed = seed;
        this.catalog = catalog;
        this.residentOf = residentOf;
        this.callbackWithin = callbackWithin;
        this.correctionWithin = correctionWithin;
    }

    public void register(BiConsumer<String, ApiHandler> handle) {
        handle.accept("checkInAppointment", req -> {
            String id = residentOf.apply(req);
            if (id == null) {
                return Json.unauthorised("身份验证已失效，请重新验证身份", "Identity check expired; verify your identity again");
            }
            String code = req.body().path("appointmentCode").asText();
            var ap = seed.appointment(code);
            if (ap.isEmpty()) {
                return Json.notFound("未找到该预约，请核对预约号", "No such appointment; check the code");
            }
            if (!ap.get().idNumber().equals(id)) {
                return Json.forbidden("该预约不属于当前办事人", "This appointment belongs to someone else");
            }
            ObjectNode r = checkIns.computeIfAbsent(code, c -> {
                ObjectNode o = Json.obj();
                o.put("appointmentCode", c);
                o.put("itemCode", ap.get().itemCode());
                LocalTime t = LocalTime.parse(ap.get().slotTime());
                o.put("slotStart", Json.time(LocalDate.now(ResidentApi.ZONE).atTime(t).atZone(ResidentApi.ZONE).toInstant()));
                o.set("ticket", ticket("Y", ap.get().itemCode()));
                return o;
            });
            return ApiResponse.ok(r.deepCopy());
        });
        handle.accept("issueQueueTicket", req -> {
            String item = req.body().path("itemCode").asText();
            if (catalog.item(item).isEmpty()) {
                return Json.notFound("事项不存在", "No such service item");
            }
            return ApiResponse.ok(ticket("A", item));
        });
        handle.accept("submitEvaluation", req -> {
            JsonNode b = req.body();
            String level = b.path("level").asText();
            boolean bad = level.equals("DISSATISFIED") || level.equals("VERY_DISSATISFIED");
            if (bad && b.path("reasons").isEmpty()) {
                return Json.badRequest("差评须选择原因", "A bad rating needs at least one reason");
            }
            Instant rated = Instant.parse(b.path("ratedAt").asText());
            evaluations.add(b.deepCopy());
            ObjectNode r = Json.obj();
            r.put("evaluationId", Json.randomId("EV-", 16));
            r.put("receivedAt", Json.now());
            // Deadlines run from the rating, not from delivery: a rating queued offline keeps its clock.
            Json.putOrNull(r, "callbackDueBy", bad ? Json.time(rated.plus(callbackWithin)) : null);
            Json.putOrNull(r, "correctionDueBy", bad ? Json.time(rated.plus(correctionWithin)) : null);
            return ApiResponse.ok(r);
        });
        handle.accept("submitReport", req -> {
            reports.add(req.body().deepCopy());
            ObjectNode r = Json.obj();
            r.put("reportNumber", Json.randomId("BC-", 16));
            r.put("receivedAt", Json.now());
            return ApiResponse.ok(r);
        });
    }

    private ObjectNode ticket(String prefix, String itemCode) {
        int n = ticketSeq.computeIfAbsent(prefix, p -> new AtomicInteger()).incrementAndGet();
        ObjectNode t = Json.obj();
        t.put("ticketNumber", prefix + String.format("%03d", n % 1000));
        t.put("itemCode", itemCode);
        t.put("issuedAt", Json.now());
        t.put("waitingAhead", prefix.equals("Y") ? 0 : (n * 3) % 9);
        ObjectNode w = t.putObject("window");
        int window = 1 + Math.floorMod(itemCode.hashCode(), 12);
        w.put("zh", window + "号窗口");
        w.put("en", "Window " + window);
        return t;
    }

    public List<JsonNode> evaluations() {
        return List.copyOf(evaluations);
    }

    public List<JsonNode> reports() {
        return List.copyOf(reports);
    }
}
