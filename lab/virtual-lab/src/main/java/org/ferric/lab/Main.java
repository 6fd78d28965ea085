package org.ferric.lab;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar ferric-lab.jar --nodes 3 --bmc ipmi --api-url http://127.0.0.1:6385}: starts a
 * virtual lab in the foreground, writes and prints its enrolment, and stops it on Ctrl-C or SIGTERM.
 */
@Command(name = "ferric-lab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Starts N lab servers on loopback: a simulated BMC each, whose power-on starts the node's "
                + "deploy agent, an image server and the enrolment for `baremetal create`. Ctrl-C stops everything.")
public final class Main implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "1", description = "How many servers (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--bmc", defaultValue = "ipmi", description = "ipmi (ipmi_sim, one per node) or redfish (one emulator) (default: ${DEFAULT-VALUE}).")
    String bmc;

    @Option(names = "--api-url", defaultValue = "http://127.0.0.1:6385", description = "Ferric's API, for the agents (default: ${DEFAULT-VALUE}).")
    String apiUrl;

    @Option(names = "--agent-jar", description = "The agent's executable jar (default: bundles/agent/target/ferric-agent.jar of the tree this jar was built in, or of the current directory).")
    Path agentJar;

    @Option(names = "--dir", defaultValue = "run/virtual-lab", description = "Work directory: enrolment.json, images/, a directory per node (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--disk-size", defaultValue = "64M", description = "Each node's (sparse) disk: bytes or with K, M, G (default: ${DEFAULT-VALUE}).")
    String diskSize;

    @Option(names = "--heartbeat-interval", defaultValue = "2", description = "The agents' heartbeat interval in seconds (default: ${DEFAULT-VALUE}).")
    double heartbeat;

    @Option(names = "--name-prefix", description = "Node names are this plus 0, 1, … (default: lab-<bmc>-).")
    String namePrefix;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        VirtualLab.Options o = new VirtualLab.Options().nodes(nodes).bmc(bmc).apiUrl(apiUrl)
                .agentJar(agentJar != null ? agentJar : defaultAgentJar()).dir(dir).diskSizeBytes(bytes(diskSize))
                .heartbeatIntervalSeconds(heartbeat).namePrefix(namePrefix);
        VirtualLab lab = VirtualLab.start(o); // its shutdown hook closes it on Ctrl-C and SIGTERM
        System.out.print(lab.enrolmentJson());
        System.err.println();
        System.err.println("Enrolment written to " + lab.dir().resolve("enrolment.json") + ":  baremetal create " + lab.dir().resolve("enrolment.json"));
        System.err.println("Image server: " + lab.imageServer().url() + "/  serving " + lab.imageServer().root());
        for (LabNode n : lab.nodes()) {
            System.err.printf(Locale.ROOT, "  %-14s %s  %-7s BMC 127.0.0.1:%-5d agent %s  MACs %s  %s%n", n.name(), n.uuid(), n.driver(),
                    n.bmcPort(), n.agentUrl(), String.join(",", n.macs()), n.dir());
        }
        System.err.println("Every node is off. Ctrl-C stops the lab.");
        Thread.currentThread().join();
        return 0;
    }

    static long bytes(String size) {
        String s = size.strip().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    /** bundles/agent/target/ferric-agent.jar beside this jar's tree (lab/virtual-lab/target/), else under the current directory. */
    private static Path defaultAgentJar() throws URISyntaxException {
        Path self = new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toPath().toAbsolutePath();
        Path beside = self.getParent().resolve("../../../bundles/agent/target/ferric-agent.jar").normalize();
        return Files.isRegularFile(beside) ? beside : Path.of("bundles/agent/target/ferric-agent.jar");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ferric-lab " + (v == null ? "dev" : v)};
        }
    }
}
