package org.zizhu.kiosk.commission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.zizhu.kiosk.flow.CommissioningPorts.NetworkReport;

/**
 * Is the centre reachable over the configured URL, and does this terminal's clock agree with it?
 * One GET of the catalogue (any HTTP answer counts as reachable: before enrolment the centre
 * answers 401), over the same TLS trust enrolment uses ({@code client}), under the deadline; the
 * answer's Date header gives the skew. A wrong clock fails the certificates and the signed
 * documents later in ways a technician cannot see, so it is shown here.
 */
public final class NetworkCheck {
    private final HttpClient client;
    private final URI base;
    private final String terminalId;
    private final Duration deadline;
    private final Clock clock;

    public NetworkCheck(HttpClient client, URI base, String terminalId, Duration deadline, Clock clock) {
        this.client = client;
        this.base = base;
        this.terminalId = terminalId;
        this.deadline = deadline;
        this.clock = clock;
    }

    public NetworkReport check() {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/catalog");
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(deadline).header("X-Terminal-Id", terminalId).GET().build();
        var f = client.sendAsync(req, HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> resp;
        try {
            resp = f.get(deadline.toMillis() + 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return new NetworkReport(false, 0, false, 0, "timeout");
        } catch (java.util.concurrent.ExecutionException e) {
            return new NetworkReport(false, 0, false, 0, reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NetworkReport(false, 0, false, 0, "interrupted");
        }
        long ours = clock.millis();
        var date = resp.headers().firstValue("date");
        if (date.isEmpty()) {
            return new NetworkReport(true, resp.statusCode(), false, 0, "no-date-header");
        }
        try {
            long theirs = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return new NetworkReport(true, resp.statusCode(), true, ours - theirs, "");
        } catch (DateTimeParseException e) {
            return new NetworkReport(true, resp.statusCode(), false, 0, "bad-date-header");
        }
    }

    private static String reason(Throwable t) {
        return switch (t) {
            case java.net.ConnectException c -> "connection-refused";
            case java.net.http.HttpConnectTimeoutException c -> "connect-timeout";
            case java.net.http.HttpTimeoutException c -> "timeout";
            case java.net.UnknownHostException u -> "unknown-host";
            case javax.net.ssl.SSLException s -> "tls-refused";
            case IOException io when io.getCause() instanceof javax.net.ssl.SSLException -> "tls-refused";
            case null, default -> "unreachable";
        };
    }
}
