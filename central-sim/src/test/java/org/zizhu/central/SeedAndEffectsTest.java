package org.zizhu.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zizhu.central.contract.OpenApiContract;
import org.zizhu.central.seed.SeedData;
import org.zizhu.ids.IdChecks;
import org.zizhu.privacy.Masking;

class SeedAndEffectsTest {
    @Test
    void checkCharactersFollowTheReferenceSamples() {
        assertTrue(IdChecks.validIdNumber("11010519491231002X"));
        assertTrue(IdChecks.validIdNumber("440524188001010014"));
        assertTrue(IdChecks.validIdNumber("810000199408230021"));
        assertFalse(IdChecks.validIdNumber("110105194912310021"));
        assertEquals("1101**********002X", Masking.idNumber("11010519491231002X"));
        assertTrue(IdChecks.validLicenseId("1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.3"));
        assertFalse(IdChecks.validLicenseId("1.2.156.3005.2.111.11150200MB1532145Q.1985001001.001.4"));
    }

    @Test
    void seededDataIsValid() throws Exception {
        SeedData seed = SeedData.load(null, OpenApiContract.load());
        assertTrue(seed.residents().size() >= 6);
        for (SeedData.Resident r : seed.residents()) {
            assertTrue(IdChecks.validIdNumber(r.idNumber()));
            r.licenses().forEach(l -> assertTrue(IdChecks.validLicenseId(l.licenseId()), l.licenseId()));
        }
    }

    @Test
    void badSeedFailsAtLoadSayingWhy(@TempDir Path dir) throws Exception {
        for (String f : List.of("license-types.json", "residents.json", "terminals.json")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        Path res = dir.resolve("residents.json");
        Files.writeString(res, Files.readString(res).replace("150202198503120016", "150202198503120017"));
        IOException e = assertThrows(IOException.class, () -> SeedData.load(dir, OpenApiContract.load()));
        assertTrue(e.getMessage().contains("check digit"), e.getMessage());
    }

    @Test
    void writesAreAppliedOncePerKeyAndKeyReuseIsRefused() throws Exception {
        try (CentralSimulator sim = CentralSimulator.builder().https(false).start()) {
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"category\":\"OTHER\",\"description\":\"x\",\"occurredAt\":\"2026-01-05T10:00:00Z\",\"itemCode\":null,\"contactPhone\":null}";
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/reports")).header("X-Terminal-Id", "T-1")
                    .header("Idempotency-Key", "key-00000001").header("Content-Type", "application/json");
            HttpResponse<String> first = http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again = http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertEquals(first.body(), again.body(), "a repeat gets the first answer");
            HttpResponse<String> other = http.send(b.POST(HttpRequest.BodyPublishers.ofString(body.replace("\"x\"", "\"y\""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(409, other.statusCode());
            assertEquals(1, sim.appliedWithKey("key-00000001"));
            assertEquals(3, sim.receivedWithKey("key-00000001"));
            assertEquals(1, sim.hall().reports().size());
            assertEquals(List.of(), sim.contractViolations());
        }
    }

    @Test
    void stateDirKeepsTheCaAndSealAcrossRestarts(@TempDir Path dir) throws Exception {
        String ca;
        String seal;
        try (CentralSimulator sim = CentralSimulator.builder().stateDir(dir).start()) {
            ca = java.util.HexFormat.of().formatHex(sim.ca().caCertificate().getEncoded());
            seal = sim.sealing().trustListJson().path("rootsPem").toString() + sim.sealing().trustListJson().path("bodies");
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca-key.pem"))));
        try (CentralSimulator sim = CentralSimulator.builder().stateDir(dir).start()) {
            assertEquals(ca, java.util.HexFormat.of().formatHex(sim.ca().caCertificate().getEncoded()));
            // The seal CA and every licensing authority's signer are the ones kept, not new ones.
            assertEquals(seal, sim.sealing().trustListJson().path("rootsPem").toString() + sim.sealing().trustListJson().path("bodies"));
        }
    }
}
