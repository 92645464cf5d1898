package org.zizhu.kiosk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.i18n.Text;
import org.zizhu.kiosk.central.CentralException;
import org.zizhu.kiosk.flow.ServicePorts.ServiceException;
import org.zizhu.kiosk.i18n.Messages;
import org.zizhu.kiosk.printing.PrintService;
import org.zizhu.kiosk.transaction.ServiceFailures.Call;

/** One table from what went wrong to what the resident is told. */
class ServiceFailuresTest {
    private final ServiceFailures failures = new ServiceFailures(new Messages());

    @Test
    void theCentresOwnTextAndRetryabilityWin() {
        Text said = new Text("平台维护中", "Maintenance");
        ServiceException e = failures.translate(Call.PAYMENT, new CentralException(CentralException.Kind.UNAVAILABLE, 503, "x", said, null));
        assertEquals(said, e.residentMessage());
        assertTrue(e.retryable());
        ServiceException own = new ServiceException("x", said, false, null);
        assertSame(own, failures.translate(Call.PERFORM, own));
    }

    @Test
    void localFailuresGetTheCallsTextFromTheBundles() {
        assertEquals("终端存储出错，请到窗口办理", failures.translate(Call.PERFORM, new SQLException("disk")).residentMessage().zh());
        assertEquals("无法在本终端办理，请到窗口办理", failures.translate(Call.PERFORM, new IllegalStateException("no camera")).residentMessage().zh());
        ServiceException data = failures.translate(Call.PERFORM, new java.time.format.DateTimeParseException("bad", "x", 0));
        assertEquals("The platform sent unexpected data; this was logged. Please go to a service window", data.residentMessage().en());
        assertFalse(data.retryable());
        assertEquals("预约签到未成功，请到服务台", failures.translate(Call.CHECK_IN, new IllegalArgumentException("code")).residentMessage().zh());
        ServiceException rating = failures.translate(Call.RATING, new SQLException("locked"));
        assertEquals("评价未能保存", rating.residentMessage().zh());
        assertTrue(rating.retryable(), "the outbox may take it on a second try");
    }

    @Test
    void printerFailureMayBeRetriedButBadPrintDataMayNot() {
        ServiceException paper = failures.translate(Call.PRINT, new PrintService.PrintFailure("out of paper"));
        assertEquals("Printing failed (out of paper); please ask staff", paper.residentMessage().en());
        assertTrue(paper.retryable());
        ServiceException data = failures.translate(Call.PRINT, new IllegalArgumentException("issuedAt"));
        assertEquals("证明文件数据有误，未能打印，请到窗口办理", data.residentMessage().zh());
        assertFalse(data.retryable());
    }

    @Test
    void interruptionKeepsTheFlagAndMayBeRetried() {
        ServiceException e = failures.translate(Call.PERFORM, new InterruptedException());
        assertTrue(Thread.interrupted(), "the interrupt is not swallowed");
        assertTrue(e.retryable());
        assertNull(e.residentMessage());
    }
}
