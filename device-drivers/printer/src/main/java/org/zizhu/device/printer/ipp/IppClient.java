package org.zizhu.device.printer.ipp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small IPP/1.1 client (RFC 8010/8011) for the few operations the kiosk needs against CUPS:
 * Print-Job, Get-Job-Attributes, Get-Printer-Attributes and Cancel-Job (also with CUPS's
 * purge-job). javax.print hides job states (queued, processing, completed, aborted) that the
 * kiosk must report, so the protocol is spoken directly; it is a simple binary encoding over
 * HTTP POST.
 */
public final class IppClient {
    public static final int PRINT_JOB = 0x0002;
    public static final int CANCEL_JOB = 0x0008;
    public static final int GET_JOB_ATTRIBUTES = 0x0009;
    public static final int GET_JOBS = 0x000A;
    public static final int GET_PRINTER_ATTRIBUTES = 0x000B;

    static final int TAG_OPERATION = 0x01;
    static final int TAG_END = 0x03;
    static final int TAG_JOB = 0x02;
    /**
     * The paper every A4 job asks for. Without it CUPS prints on the queue's default, which
     * follows the system's paper size ({@code /etc/papersize}, often Letter on a fresh install):
     * the A4 page was then scaled down onto Letter and its verification QR code shrank with it.
     */
    static final String MEDIA_A4 = "iso_a4_210x297mm";
    static final int INTEGER = 0x21;
    static final int BOOLEAN = 0x22;
    static final int ENUM = 0x23;
    static final int NAME = 0x42;
    static final int KEYWORD = 0x44;
    static final int URI_TAG = 0x45;
    static final int CHARSET = 0x47;
    static final int LANGUAGE = 0x48;
    static final int MIME = 0x49;

    private final HttpClient http;
    private final URI printerHttp;
    private final String printerUri;
    private final String user;
    private final Duration timeout;
    private final AtomicInteger requestIds = new AtomicInteger(1);

    /**
     * @param server CUPS, e.g. {@code http://localhost:631}
     * @param queue  the CUPS queue name, e.g. {@code zizhu-a4}
     */
    public IppClient(URI server, String queue, String user, Duration timeout) {
        if (!queue.matches("[A-Za-z0-9_.-]{1,127}")) {
            throw new IllegalArgumentException("bad CUPS queue name: " + queue);
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.printerHttp = server.resolve("/printers/" + queue);
        this.printerUri = "ipp://" + server.getHost() + ":" + (server.getPort() < 0 ? 631 : server.getPort()) + "/printers/" + queue;
        this.user = user;
        this.timeout = timeout;
    }

    public String printerUri() {
        return printerUri;
    }

    /** Encodes one request; {@code attrs} are (tag, name, value) triples in order. */
    static byte[] encode(int op, int requestId, List<Object[]> attrs, byte[] document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (document == null ? 0 : document.length));
        out.write(2);
        out.write(0);
        out.write(op >> 8);
        out.write(op);
        out.writeBytes(ByteBuffer.allocate(4).putInt(requestId).array());
        out.write(TAG_OPERATION);
        for (Object[] a : attrs) {
            int tag = (Integer) a[0];
            if (a.length == 1) { // a delimiter: the attributes after it form a new group
                out.write(tag);
                continue;
            }
            byte[] name = ((String) a[1]).getBytes(StandardCharsets.US_ASCII);
            byte[] value = switch (a[2]) {
                case Integer i -> ByteBuffer.allocate(4).putInt(i).array();
                case Boolean b -> new byte[] {(byte) (b ? 1 : 0)};
                default -> String.valueOf(a[2]).getBytes(StandardCharsets.UTF_8);
            };
            out.write(tag);
            out.write(name.length >> 8);
            out.write(name.length);
            out.writeBytes(name);
            out.write(value.length >> 8);
            out.write(value.length);
            out.writeBytes(value);
        }
        out.write(TAG_END);
        if (document != null) {
            out.writeBytes(document);
        }
        return out.toByteArray();
    }

    /** Decodes a response; malformed bytes give an {@link IOException}, never a wrong answer. */
    static IppResponse decode(byte[] b) throws IOException {
        return decode(b, false);
    }

    /**
     * {@code allGroups}: values of a name repeated in later attribute groups are kept too
     * (Get-Jobs answers one group per job); otherwise the first group's values win.
     */
    static IppResponse decode(byte[] b, boolean allGroups) throws IOException {
        if (b.length < 9) {
            throw new IOException("IPP response too short (" + b.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.getShort(); // version
        int status = buf.getShort() & 0xFFFF;
        buf.getInt(); // request id
        Map<String, List<Object>> attrs = new LinkedHashMap<>();
        String last = null;
        boolean firstOfName = false;
        try {
            while (buf.hasRemaining()) {
                int tag = buf.get() & 0xFF;
                if (tag == TAG_END) {
                    break;
                }
                if (tag < 0x10) {
                    continue; // group delimiter
                }
                int nl = buf.getShort() & 0xFFFF;
                byte[] name = new byte[nl];
                buf.get(name);
                int vl = buf.getShort() & 0xFFFF;
                byte[] value = new byte[vl];
                buf.get(value);
                if (nl > 0) {
                    last = new String(name, StandardCharsets.US_ASCII);
                    firstOfName = !attrs.containsKey(last);
                    if (firstOfName) {
                        attrs.put(last, new ArrayList<>());
                    }
                }
                if (last == null || (!firstOfName && !allGroups)) {
                    continue; // later groups repeating a name (first wins)
                }
                Object v = switch (tag) {
                    case INTEGER, ENUM -> vl == 4 ? ByteBuffer.wrap(value).getInt() : null;
                    case BOOLEAN -> vl == 1 && value[0] != 0;
                    default -> tag >= 0x40 && tag <= 0x4F ? new String(value, StandardCharsets.UTF_8) : null;
                };
                if (v != null) {
                    attrs.get(last).add(v);
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("IPP response truncated", e);
        }
        return new IppResponse(status, attrs);
    }

    private List<Object[]> base() {
        List<Object[]> a = new ArrayList<>();
        a.add(new Object[] {CHARSET, "attributes-charset", "utf-8"});
        a.add(new Object[] {LANGUAGE, "attributes-natural-language", "en"});
        a.add(new Object[] {URI_TAG, "printer-uri", printerUri});
        a.add(new Object[] {NAME, "requesting-user-name", user});
        return a;
    }

    private IppResponse send(int op, List<Object[]> attrs, byte[] document) throws IOException {
        return send(op, attrs, document, false);
    }

    private IppResponse send(int op, List<Object[]> attrs, byte[] document, boolean allGroups) throws IOException {
        byte[] body = encode(op, requestIds.getAndIncrement(), attrs, document);
        HttpRequest req = HttpRequest.newBuilder(printerHttp).timeout(timeout)
                .header("Content-Type", "application/ipp")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        // The request timeout of java.net.http ends when the headers arrive; the body is read
        // without one. A cupsd that stalls mid-answer would hang the resident's print (and the
        // status poller) for good, so the whole exchange waits at most twice the timeout and is
        // then cancelled, which closes the connection.
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> resp = f.get(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (resp.statusCode() != 200) {
                throw new IOException("CUPS answered HTTP " + resp.statusCode());
            }
            return decode(resp.body(), allGroups);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new java.net.http.HttpTimeoutException("CUPS did not finish its answer within " + timeout.multipliedBy(2));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(String.valueOf(c), c);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public IppResponse printJob(byte[] pdf, String jobName) throws IOException {
        List<Object[]> a = base();
        a.add(new Object[] {NAME, "job-name", jobName});
        a.add(new Object[] {MIME, "document-format", "application/pdf"});
        a.add(new Object[] {TAG_JOB});
        a.add(new Object[] {KEYWORD, "media", MEDIA_A4});
        return send(PRINT_JOB, a, pdf);
    }

    public IppResponse jobAttributes(int jobId) throws IOException {
        List<Object[]> a = base();
        a.add(new Object[] {INTEGER, "job-id", jobId});
        a.add(new Object[] {KEYWORD, "requested-attributes", "job-state"});
        a.add(new Object[] {KEYWORD, "", "job-state-reasons"});
        // CUPS: true once the job has ended if its document is still in the spool.
        a.add(new Object[] {KEYWORD, "", "job-preserved"});
        return send(GET_JOB_ATTRIBUTES, a, null);
    }

    public IppResponse printerAttributes() throws IOException {
        List<Object[]> a = base();
        a.add(new Object[] {KEYWORD, "requested-attributes", "printer-state"});
        a.add(new Object[] {KEYWORD, "", "printer-state-reasons"});
        a.add(new Object[] {KEYWORD, "", "printer-is-accepting-jobs"});
        return send(GET_PRINTER_ATTRIBUTES, a, null);
    }

    /**
     * The ids of this user's jobs on this queue that have not ended (pending, held, processing,
     * stopped): Get-Jobs with {@code which-jobs=not-completed} and {@code my-jobs=true}.
     */
    public List<Integer> unfinishedJobsOfThisUser() throws IOException {
        List<Object[]> a = base();
        a.add(new Object[] {KEYWORD, "which-jobs", "not-completed"});
        a.add(new Object[] {BOOLEAN, "my-jobs", Boolean.TRUE});
        a.add(new Object[] {KEYWORD, "requested-attributes", "job-id"});
        IppResponse r = send(GET_JOBS, a, null, true);
        if (!r.ok() && r.status() != 0x0406) { // not-found: no jobs at all
            throw new IOException("Get-Jobs refused: IPP status 0x" + Integer.toHexString(r.status()));
        }
        List<Integer> ids = new ArrayList<>();
        for (Object v : r.all("job-id")) {
            if (v instanceof Integer i) {
                ids.add(i);
            }
        }
        return ids;
    }

    public IppResponse cancelJob(int jobId) throws IOException {
        List<Object[]> a = base();
        a.add(new Object[] {INTEGER, "job-id", jobId});
        return send(CANCEL_JOB, a, null);
    }

    /**
     * Cancel-Job with CUPS's {@code purge-job}: removes the job, its document and its history
     * from the spool, also for a job that has already ended (what {@code cancel -x} does).
     * Answers client-error-not-found once the job is gone.
     */
    public IppResponse purgeJob(int jobId) throws IOException {
        List<Object[]> a = base();
        a.add(new Object[] {INTEGER, "job-id", jobId});
        a.add(new Object[] {BOOLEAN, "purge-job", Boolean.TRUE});
        return send(CANCEL_JOB, a, null);
    }

    /** CUPS-Get-Printers (a CUPS extension): every queue the server has. */
    public static final int CUPS_GET_PRINTERS = 0x4002;

    /**
     * The names of every queue on the CUPS server {@code server} (CUPS-Get-Printers, answered
     * with one attribute group per queue), for the technician's printer detection. Empty when
     * the server has none; an {@link IOException} when it cannot be asked.
     */
    public static List<String> queues(URI server, Duration timeout) throws IOException {
        List<Object[]> a = new ArrayList<>();
        a.add(new Object[] {CHARSET, "attributes-charset", "utf-8"});
        a.add(new Object[] {LANGUAGE, "attributes-natural-language", "en"});
        a.add(new Object[] {KEYWORD, "requested-attributes", "printer-name"});
        byte[] body = encode(CUPS_GET_PRINTERS, 1, a, null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        HttpRequest req = HttpRequest.newBuilder(server.resolve("/")).timeout(timeout)
                .header("Content-Type", "application/ipp").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> resp = f.get(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (resp.statusCode() != 200) {
                throw new IOException("CUPS answered HTTP " + resp.statusCode());
            }
            IppResponse r = decode(resp.body(), true);
            if (!r.ok() && r.status() != 0x0406) { // not-found: no queues at all
                throw new IOException("CUPS-Get-Printers refused: IPP status 0x" + Integer.toHexString(r.status()));
            }
            List<String> names = new ArrayList<>();
            for (Object v : r.all("printer-name")) {
                if (v instanceof String n && !names.contains(n)) {
                    names.add(n);
                }
            }
            return names;
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new java.net.http.HttpTimeoutException("CUPS did not answer within " + timeout.multipliedBy(2));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(String.valueOf(c), c);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
