package org.zizhu.device.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;

/** The typed reasons decoded from DLE EOT answers keep the tags heartbeats and tests know. */
class ReceiptFaultTest {
    private static final int OK = 0x12;

    @Test
    void statusBytesBecomeTypedFaultsWithTheOldTags() {
        EscPosStatus fine = EscPosStatus.decode(OK, OK, OK, OK);
        assertEquals(DeviceFault.Common.NONE, fine.fault());
        assertEquals("", fine.detail());

        EscPosStatus paperEnd = EscPosStatus.decode(OK | 0x08, OK | 0x20, OK, OK | 0x60);
        assertEquals(ReceiptFault.PAPER_END, paperEnd.fault());
        assertEquals("paper-end", paperEnd.detail());
        assertEquals(DeviceStatus.USER_ERROR, paperEnd.deviceStatus());

        EscPosStatus cover = EscPosStatus.decode(OK, OK | 0x04, OK, OK);
        assertEquals(ReceiptFault.COVER_OPEN, cover.fault());
        assertEquals("cover-open", cover.detail());

        EscPosStatus cutter = EscPosStatus.decode(OK, OK | 0x40, OK | 0x08, OK);
        assertEquals(ReceiptFault.CUTTER_ERROR, cutter.fault());
        assertEquals(DeviceStatus.HARDWARE_ERROR, cutter.deviceStatus());

        EscPosStatus head = EscPosStatus.decode(OK, OK | 0x40, OK | 0x40, OK);
        assertEquals("head-temperature-or-voltage", head.detail());

        EscPosStatus offline = EscPosStatus.decode(OK | 0x08, OK, OK, OK);
        assertEquals(ReceiptFault.OFFLINE, offline.fault());
        assertEquals(DeviceStatus.OFFLINE, offline.deviceStatus());

        EscPosStatus nearEnd = EscPosStatus.decode(OK, OK, OK, OK | 0x0C);
        assertEquals(ReceiptFault.PAPER_NEAR_END, nearEnd.fault());
        assertEquals(DeviceStatus.ONLINE, nearEnd.deviceStatus(), "near end still prints");
    }

    @Test
    void tagsAreTheStringsTheDriverAlwaysReported() {
        assertEquals("paper-near-end", ReceiptFault.PAPER_NEAR_END.tag());
        assertEquals("unrecoverable-error", ReceiptFault.UNRECOVERABLE_ERROR.tag());
        assertEquals("printing", ReceiptFault.PRINTING.tag());
        assertEquals("unreachable", ReceiptFault.UNREACHABLE.tag());
    }

    @Test
    void configIsImmutableAndEachBuilderSetterChangesOneSetting() {
        ReceiptPrinterConfig d = ReceiptPrinterConfig.builder().endpoint(ReceiptPrinterConfig.DEFAULT_ENDPOINT).build();
        assertEquals("tcp://127.0.0.1:9100", d.endpoint().toString());
        assertEquals("receipt-printer", d.deviceId());
        assertEquals(ReceiptPaper.MM80, d.paper());
        assertEquals(512, d.chunkSize());
        assertEquals(Duration.ofSeconds(2), d.pollInterval());

        ReceiptPrinterConfig c = d.toBuilder().paper(ReceiptPaper.MM58).deviceId("receipt").endpoint("serial:/dev/ttyUSB0")
                .pollInterval(Duration.ZERO).chunkSize(64).build();
        assertNotSame(d, c);
        assertEquals(ReceiptPaper.MM80, d.paper(), "the original is unchanged");
        assertEquals(ReceiptPaper.MM58, c.paper());
        assertEquals("receipt", c.deviceId());
        assertEquals("serial:/dev/ttyUSB0?baud=115200", c.endpoint().toString());
        assertEquals(Duration.ZERO, c.pollInterval());
        assertEquals(64, c.chunkSize());
        assertEquals(d.statusTimeout(), c.statusTimeout());
        assertThrows(IllegalArgumentException.class, () -> d.toBuilder().chunkSize(8));
        assertThrows(IllegalArgumentException.class, () -> ReceiptPrinterConfig.builder().endpoint("lpt1:"));
        NullPointerException noEndpoint = assertThrows(NullPointerException.class, () -> ReceiptPrinterConfig.builder().build());
        assertEquals("endpoint", noEndpoint.getMessage(), "the endpoint is required");
    }
}
