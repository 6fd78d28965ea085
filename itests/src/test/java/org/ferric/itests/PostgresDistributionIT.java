package org.ferric.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ferric.db.internal.PostgresServer;
import org.junit.After;
import org.junit.Test;

/**
 * The distribution as shipped, on a shared PostgreSQL instead of embedded Derby: an operator
 * changes {@code etc/org.ops4j.datasource-ferric.cfg} and nothing else (the driver ships in
 * ferric-db). Nodes go through a whole deploy, their rows are PostgreSQL's, and a restart finds
 * them there, with the schema migrations already applied.
 */
public class PostgresDistributionIT {
    private static final int PORT = 29385;
    private static final String DATABASE = "ferric_distribution";
    /** PostgreSQL trusts the test server's connections, so any password is accepted: it must not be logged. */
    private static final String PASSWORD = "pg-Secret-4c7e1d";
    private static final String REFUSED_SECRET = "bmc-Secret-9a2f0b";

    private UnpackedDistribution distribution;

    @After
    public void stop() throws Exception {
        if (distribution != null && distribution.running()) {
            distribution.kill();
        }
        PostgresServer.get().dropDatabase(DATABASE);
    }

    private void start() throws Exception {
        distribution.start();
        new Http(PORT).await("/v1/drivers", a -> a.status() == 200 && a.body().toString().contains("fake-hardware"),
                Duration.ofSeconds(180));
    }

    @Test
    public void deploysOnPostgresqlAndFindsItsNodesAfterARestart() throws Exception {
        PostgresServer pg = PostgresServer.get();
        pg.dropDatabase(DATABASE);
        pg.createDatabase(DATABASE);
        distribution = new UnpackedDistribution("postgresql", PORT, 29101);
        // the keys README.md gives, the rest of the shipped file (pool sizes) unchanged
        distribution.replace("etc/org.ops4j.datasource-ferric.cfg", "osgi.jdbc.driver.name = derby",
                "osgi.jdbc.driver.class = org.postgresql.Driver");
        distribution.replace("etc/org.ops4j.datasource-ferric.cfg", "url = jdbc:derby:${karaf.data}/derby/ferric;create=true",
                "url = jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + DATABASE + "?logServerErrorDetail=false\nuser = "
                        + PostgresServer.USER + "\npassword = " + PASSWORD);
        start();

        Http http = new Http(PORT);
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Answer created = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "pg-" + i));
            assertEquals(created.raw().body(), 201, created.status());
            uuids.add(created.body().get("uuid").asText());
        }
        for (String[] step : new String[][] { { "manage", "manageable" }, { "provide", "available" }, { "active", "active" } }) {
            for (String uuid : uuids) {
                assertEquals(202, http.put("/v1/nodes/" + uuid + "/states/provision", Map.of("target", step[0])).status());
            }
            for (String uuid : uuids) {
                http.await("/v1/nodes/" + uuid, a -> step[1].equals(a.body().get("provision_state").asText())
                        && a.body().get("reservation").isNull(), Duration.ofSeconds(60));
            }
        }

        // A name taken: the unique violation is PostgreSQL's, answered as Ironic does, and the
        // refused node's secret reaches neither the answer nor the log.
        Http.Answer taken = http.post("/v1/nodes", Map.of("driver", "fake-hardware", "name", "pg-0",
                "driver_info", Map.of("ipmi_password", REFUSED_SECRET)));
        assertEquals(taken.raw().body(), 409, taken.status());
        assertFalse(taken.raw().body().contains(REFUSED_SECRET));

        try (Connection c = pg.dataSource(DATABASE).getConnection();
                PreparedStatement q = c.prepareStatement("SELECT name, provision_state, reservation FROM nodes WHERE uuid = ?")) {
            for (int i = 0; i < uuids.size(); i++) {
                q.setString(1, uuids.get(i));
                try (ResultSet row = q.executeQuery()) {
                    assertTrue("node " + uuids.get(i) + " is a row in PostgreSQL", row.next());
                    assertEquals("pg-" + i, row.getString("name"));
                    assertEquals("active", row.getString("provision_state"));
                    assertEquals(null, row.getString("reservation"));
                }
            }
        }
        assertFalse("nothing may fall back to Derby", Files.exists(distribution.home.resolve("data/derby")));

        distribution.stop();
        start();
        for (String uuid : uuids) {
            assertEquals("active", http.get("/v1/nodes/" + uuid).body().get("provision_state").asText());
        }
        assertEquals(3, http.get("/v1/nodes").body().get("nodes").size());
        distribution.stop();

        String log = Files.readString(distribution.home.resolve("data/log/karaf.log"));
        assertFalse("the database password is in karaf.log", log.contains(PASSWORD));
        assertFalse("a refused node's secret is in karaf.log", log.contains(REFUSED_SECRET));
        assertFalse("karaf.log has errors:\n" + log, log.contains("| ERROR |"));
        // the first start created the schema in PostgreSQL, the restart found it current
        List<String> ready = log.lines().filter(l -> l.contains("Database ready; schema migrations applied now: ")).toList();
        assertEquals(ready.toString(), 2, ready.size());
        assertFalse(ready.get(0), ready.get(0).endsWith("applied now: none"));
        assertTrue(ready.get(1), ready.get(1).endsWith("applied now: none"));
    }
}
