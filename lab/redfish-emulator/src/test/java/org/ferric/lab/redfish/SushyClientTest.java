package org.ferric.lab.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator checked by python3-sushy, the Redfish library behind Ironic: if sushy can drive it,
 * it is not only a mirror of our own driver's reading of the standard.
 */
class SushyClientTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;
    private RedfishEmulator bmc;
    private Path script;

    @BeforeEach
    void start() throws Exception {
        Cli.require(PYTHON, "python3");
        assertEquals(0, Cli.run(List.of(PYTHON, "-c", "import sushy")).exit(),
                "python3-sushy is missing: apt-get install python3-sushy");
        bmc = RedfishEmulator.start(2, "admin", "s3cret");
        script = dir.resolve("sushy_client.py");
        try (InputStream in = getClass().getResourceAsStream("sushy_client.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private Cli.Result sushy(String auth) throws Exception {
        return Cli.run(List.of(PYTHON, script.toString(), bmc.url(), "admin", "s3cret", auth));
    }

    @Test
    void sessionAuthPowerBootBiosInventoryAndVirtualMedia() throws Exception {
        Cli.Result r = sushy("default");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("ejected"), r.output());
        assertTrue(bmc.sessionsCreated() >= 1, "sushy's default auth logs in through the SessionService");
        assertTrue(bmc.requests().stream().anyMatch(q -> q.startsWith("PATCH /redfish/v1/Systems/1 [token")), bmc.requests().toString());
        EmulatedSystem s = bmc.system("1");
        assertEquals("On", s.powerState());
        assertEquals("Disabled", s.bootEnabled());
        assertEquals(java.util.Map.of("ProcTurboMode", "Disabled"), s.pendingBios());
        assertTrue(s.events().contains("insert Cd http://192.0.2.1/deploy.iso"), s.events().toString());
        assertEquals("Off", bmc.system("2").powerState(), "the other system is untouched");
    }

    @Test
    void basicAuth() throws Exception {
        Cli.Result r = sushy("basic");
        assertEquals(0, r.exit(), r.output());
        assertEquals(0, bmc.sessionsCreated());
        assertTrue(bmc.requests().stream().filter(q -> q.startsWith("GET /redfish/v1/Systems/1 ")).allMatch(q -> q.contains("[basic")));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        Cli.Result r = Cli.run(List.of(PYTHON, script.toString(), bmc.url(), "admin", "wrong", "basic"));
        assertTrue(r.exit() != 0, r.output());
        assertTrue(r.output().contains("401"), r.output());
    }
}
