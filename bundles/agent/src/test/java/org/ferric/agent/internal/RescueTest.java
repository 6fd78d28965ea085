package org.ferric.agent.internal;

import static org.ferric.agent.internal.TestServers.await;
import static org.ferric.agent.internal.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IPA's {@code rescue.finalize_rescue}: the password file, its hashing, and the end of the heartbeats. */
class RescueTest {
    @TempDir
    Path dir;
    TestServers.FakeIronic ironic;
    Agent agent;
    String commands;

    @BeforeEach
    void start() throws Exception {
        ironic = new TestServers.FakeIronic();
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[1 << 20]);
        AgentSettings s = new AgentSettings(ironic.url(), new InetSocketAddress("127.0.0.1", 0), null, List.of("52:54:00:00:00:01"),
                List.of(disk), null, null, null, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMillis(50),
                dir.resolve("work"), null, List.of(), List.of());
        agent = new Agent(s, new HardwareManagers(), TestServers.HTTP, TestServers.JSON, code -> { });
        commands = "http://127.0.0.1:" + agent.start().getPort() + "/v1/commands/?agent_token=" + ironic.token;
    }

    @AfterEach
    void stop() {
        agent.stop();
        ironic.close();
    }

    private Path passwordFile() {
        return dir.resolve("work/ipa-rescue-config/ipa-rescue-password");
    }

    @Test
    void aPlainPasswordIsStoredSha512CryptedAndTheHeartbeatsStop() throws Exception {
        await("heartbeats", () -> ironic.requests("/v1/heartbeat/").size() >= 2);
        var r = post(commands, Map.of("name", "rescue.finalize_rescue", "params", Map.of("rescue_password", "s3cret pw")));
        assertEquals(200, r.status());
        assertEquals("finalize_rescue", r.body().get("command_name"));
        assertEquals("SUCCEEDED", r.body().get("command_status"));
        assertEquals(Map.of(), r.body().get("command_result"));
        assertEquals(Map.of("rescue_password", "******"), r.body().get("command_params"), "the password is not shown back");

        String stored = Files.readString(passwordFile());
        assertTrue(stored.matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"), stored);
        String salt = stored.split("\\$")[2];
        assertEquals(Sha512Crypt.crypt("s3cret pw", salt, 5000), stored);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile())));

        Thread.sleep(300); // a heartbeat already on its way may still land
        int after = ironic.requests("/v1/heartbeat/").size();
        Thread.sleep(600);
        assertEquals(after, ironic.requests("/v1/heartbeat/").size(), "no heartbeat after finalize_rescue");
    }

    @Test
    void aHashedPasswordIsStoredAsGiven() throws Exception {
        String hash = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1";
        var r = post(commands, Map.of("name", "rescue.finalize_rescue", "params", Map.of("rescue_password", hash, "hashed", true)));
        assertEquals("SUCCEEDED", r.body().get("command_status"));
        assertEquals(hash, Files.readString(passwordFile()));
    }

    @Test
    void sha512CryptMatchesGlibc() {
        // The test vectors of Drepper's specification, also what `openssl passwd -6` and Python's crypt give.
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                Sha512Crypt.crypt("Hello world!", "saltstring", 5000));
        assertEquals("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
                Sha512Crypt.crypt("Hello world!", "saltstringsaltstring", 10000));
        assertTrue(Sha512Crypt.crypt("").startsWith("$6$"));
    }
}
