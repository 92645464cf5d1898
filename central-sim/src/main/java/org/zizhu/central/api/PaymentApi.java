package org.zizhu.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.zizhu.central.catalog.CatalogRepository;
import org.zizhu.central.http.ApiHandler;
import org.zizhu.central.http.ApiResponse;

/**
 * Payment orders: created PENDING with a QR payload; the simulated payer pays on the
 * {@code payAfterPolls}-th status poll (or when a test calls {@link #markPaid}); unpaid orders
 * expire; a paid order cannot be cancelled.
 */
public final class PaymentApi {
    public static final Duration ORDER_LIFETIME = Duration.ofMinutes(15);

    private static final class Order {
        final String id;
        final String itemCode;
        final long amountFen;
        final Instant createdAt = Instant.now();
        final Instant expiresAt = createdAt.plus(ORDER_LIFETIME);
        String status = "PENDING";
        Instant paidAt;
        int polls;

        Order(String id, String itemCode, long amountFen) {
            this.id = id;
            this.itemCode = itemCode;
            this.amountFen = amountFen;
        }
    }

    private final CatalogRepository catalog;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private volatile int payAfterPolls;

    public PaymentApi(CatalogRepository catalog, int payAfterPolls) {
        this.catalog = catalog;
        this.payAfterPolls = payAfterPolls;
    }

    public void register(BiConsumer<String, ApiHandler> handle) {
        handle.accept("createPayment", req -> {
            JsonNode b = req.body();
            String item = b.path("itemCode").asText();
            if (catalog.item(item).isEmpty()) {
                return Json.notFound("事项不存在", "No such service item");
            }
            Order o = new Order(Json.randomId("PO-", 16), item, b.path("amountFen").asLong());
            orders.put(o.id, o);
            return ApiResponse.ok(view(o));
        });
        handle.accept("getPayment", req -> {
            Order o = orders.get(req.pathParams().get("orderId"));
            if (o == null) {
                return Json.notFound("订单不存在", "No such order");
            }
            synchronized (o) {
                if (o.status.equals("PENDING")) {
                    if (Instant.now().isAfter(o.expiresAt)) {
                        o.status = "EXPIRED";
                    } else if (payAfterPolls > 0 && ++o.polls >= payAfterPolls) {
                        o.status = "PAID";
                        o.paidAt = Instant.now();
                    }
                }
                return ApiResponse.ok(view(o));
            }
        });
        handle.accept("cancelPayment", req -> {
            Order o = orders.get(req.pathParams().get("orderId"));
            if (o == null) {
                return Json.notFound("订单不存在", "No such order");
            }
            synchronized (o) {
                if (o.status.equals("PAID")) {
                    return Json.conflict("订单已支付，不能取消", "The order is already paid and cannot be cancelled");
                }
                if (o.status.equals("PENDING")) {
                    o.status = "CANCELLED";
                }
                return ApiResponse.ok(view(o));
            }
        });
    }

    private static ObjectNode view(Order o) {
        ObjectNode r = Json.obj();
        r.put("orderId", o.id);
        r.put("itemCode", o.itemCode);
        r.put("amountFen", o.amountFen);
        r.put("status", o.status);
        r.put("qrPayload", "https://pay.zwfw.example.gov.cn/o/" + o.id);
        r.put("createdAt", Json.time(o.createdAt));
        r.put("expiresAt", Json.time(o.expiresAt));
        Json.putOrNull(r, "paidAt", o.paidAt == null ? null : Json.time(o.paidAt));
        return r;
    }

    /** Marks an order paid as if the resident's phone had paid it (tests and demos). */
    public boolean markPaid(String orderId) {
        Order o = orders.get(orderId);
        if (o == null) {
            return false;
        }
        synchronized (o) {
            if (!o.status.equals("PENDING")) {
                return false;
            }
            o.status = "PAID";
            o.paidAt = Instant.now();
            return true;
        }
    }

    /** 0 means never paid by polling alone. */
    public void payAfterPolls(int n) {
        this.payAfterPolls = n;
    }

    public String status(String orderId) {
        Order o = orders.get(orderId);
        return o == null ? null : o.status;
    }
}
