package org.zizhu.device.printer.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zizhu.device.printer.JobState;

/** IPP encoding round trip and malformed responses (the real exchange is in CupsA4PrinterTest). */
class IppClientTest {
    @Test
    void roundTripAndStates() throws IOException {
        byte[] req = IppClient.encode(IppClient.GET_JOB_ATTRIBUTES, 7, List.of(
                new Object[] {IppClient.CHARSET, "attributes-charset", "utf-8"},
                new Object[] {IppClient.INTEGER, "job-id", 42},
                new Object[] {IppClient.ENUM, "job-state", 9},
                new Object[] {IppClient.BOOLEAN, "printer-is-accepting-jobs", false}), null);
        IppResponse r = IppClient.decode(req); // same layout: version, code, id, attributes
        assertEquals(IppClient.GET_JOB_ATTRIBUTES, r.status());
        assertEquals(42, r.integer("job-id"));
        assertEquals(false, r.bool("printer-is-accepting-jobs"));
        assertEquals("utf-8", r.string("attributes-charset"));
        assertEquals(JobState.COMPLETED, CupsA4Printer.jobState(r.integer("job-state")));
        assertEquals(JobState.QUEUED, CupsA4Printer.jobState(3));
        assertEquals(JobState.PRINTING, CupsA4Printer.jobState(5));
        assertEquals(JobState.FAILED, CupsA4Printer.jobState(8));
        assertThrows(IOException.class, () -> IppClient.decode(Arrays.copyOf(req, req.length - 3)));
        assertThrows(IOException.class, () -> IppClient.decode(new byte[] {2, 0, 0}));
    }
}
