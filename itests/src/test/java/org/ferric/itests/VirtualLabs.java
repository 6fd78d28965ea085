package org.ferric.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.lab.LabNode;
import org.ferric.lab.VirtualLab;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the virtual labs of {@link LabIT} in the test driver's JVM (the labs' BMCs and agents are
 * processes beside Karaf, as servers are beside a real conductor) and describes them in a JSON file
 * for the test, which runs inside Karaf. The labs stop with this JVM (their shutdown hook).
 */
final class VirtualLabs {
    static final String FILE_PROPERTY = "ferric.lab.file";

    private VirtualLabs() {
    }

    static String start(int nodesPerBmc) throws IOException {
        Path agentJar = Path.of("..", "bundles", "agent", "target", "ferric-agent.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException("The agent is not built: " + agentJar + " (mvn install builds bundles/agent first)");
        }
        Path root = Files.createDirectories(Path.of("target", "lab").toAbsolutePath());
        List<Map<String, Object>> labs = new ArrayList<>();
        for (String bmc : List.of("ipmi", "redfish")) {
            Path dir = root.resolve(bmc);
            deleteTree(dir);
            VirtualLab lab = VirtualLab.start(new VirtualLab.Options().nodes(nodesPerBmc).bmc(bmc)
                    .apiUrl("http://127.0.0.1:" + FerricDistribution.HTTP_PORT).agentJar(agentJar).dir(dir)
                    .diskSizeBytes(32L << 20).heartbeatIntervalSeconds(1).namePrefix("lab-" + bmc + "-"));
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("bmc", bmc);
            described.put("image_dir", lab.imageServer().root().toString());
            described.put("image_url", lab.imageServer().url());
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (LabNode n : lab.nodes()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("uuid", n.uuid());
                node.put("macs", n.macs());
                node.put("disk", n.disk().toString());
                node.put("dir", n.dir().toString());
                node.put("enrolment", n.enrolment());
                nodes.add(node);
            }
            described.put("nodes", nodes);
            labs.add(described);
        }
        Path file = root.resolve("labs.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), Map.of("labs", labs));
        return file.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
