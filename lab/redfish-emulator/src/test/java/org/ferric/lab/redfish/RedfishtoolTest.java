package org.ferric.lab.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator checked by DMTF's redfishtool (Debian package redfishtool), with Basic and session auth. */
class RedfishtoolTest {
    private static final String REDFISHTOOL = "/usr/bin/redfishtool";
    private RedfishEmulator bmc;

    @BeforeEach
    void start() throws Exception {
        Cli.require(REDFISHTOOL, "redfishtool");
        bmc = RedfishEmulator.start(2, "admin", "password");
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    private Cli.Result redfishtool(String auth, String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(REDFISHTOOL, "-r", "127.0.0.1:" + bmc.port(), "-S", "Never",
                "-A", auth, "-u", "admin", "-p", password));
        cmd.addAll(List.of(args));
        return Cli.run(cmd);
    }

    @Test
    void listsSystemsAndManagers() throws Exception {
        Cli.Result r = redfishtool("Basic", "password", "Systems", "list");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("/redfish/v1/Systems/2"), r.output());
        r = redfishtool("Basic", "password", "Managers", "-I", "1", "get");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("\"ManagerType\": \"BMC\""), r.output());
    }

    @Test
    void resetAndBootOverrideWithBasicAuth() throws Exception {
        bmc.system("1").setPowerState(true);
        Cli.Result r = redfishtool("Basic", "password", "Systems", "-I", "1", "reset", "ForceOff");
        assertEquals(0, r.exit(), r.output());
        assertEquals("Off", bmc.system("1").powerState());
        r = redfishtool("Basic", "password", "Systems", "-I", "1", "setBootOverride", "Once", "Pxe");
        assertEquals(0, r.exit(), r.output());
        assertEquals("Pxe", bmc.system("1").bootTarget());
        assertEquals("Once", bmc.system("1").bootEnabled());
        r = redfishtool("Basic", "password", "Systems", "-I", "1", "get");
        assertTrue(r.output().contains("\"PowerState\": \"Off\""), r.output());
    }

    @Test
    void sessionAuth() throws Exception {
        bmc.faults().requireSession(true);
        Cli.Result r = redfishtool("Session", "password", "Systems", "-I", "2", "reset", "On");
        assertEquals(0, r.exit(), r.output());
        assertEquals("On", bmc.system("2").powerState());
        assertTrue(bmc.sessionsCreated() >= 1);
        r = redfishtool("Basic", "password", "Systems", "list");
        assertNotEquals(0, r.exit(), "Basic is refused when the BMC requires sessions: " + r.output());
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        Cli.Result r = redfishtool("Basic", "wrong", "Systems", "list");
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("401"), r.output());
    }
}
