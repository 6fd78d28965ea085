package org.ferric.agent.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar ferric-agent.jar}: starts an embedded Felix framework with the bundles this jar
 * carries (Declarative Services, Jackson, the agent) and those of {@code --extensions}, and hands
 * the options to the agent as framework properties.
 */
@Command(name = "ferric-agent", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Ferric's deploy agent: looks its node up at the bare-metal API, heartbeats, and runs the conductor's commands.")
public final class Main implements Callable<Integer> {
    private static final String PREFIX = "ferric.agent.";

    @Option(names = "--api-url", description = "The bare-metal API, e.g. http://192.0.2.1:6385. Without it the agent only serves its command API.")
    String apiUrl;

    @Option(names = "--listen", defaultValue = "0.0.0.0:9999", description = "Address and port of the command API (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--advertise-host", description = "Host in the callback URL (default: the address the API is reached from).")
    String advertiseHost;

    @Option(names = "--mac", description = "A MAC address to look the node up by (repeatable); replaces the machine's interfaces.")
    List<String> macs = new ArrayList<>();

    @Option(names = "--disk", description = "A disk (block device or file) steps may write; the first is the deploy target (repeatable).")
    List<Path> disks = new ArrayList<>();

    @Option(names = "--profile", description = "A JSON file whose top-level keys replace those of the inventory (cpu, memory, disks, interfaces, system_vendor …).")
    Path profile;

    @Option(names = "--node-uuid", description = "Look up by node UUID as well as by MAC addresses.")
    String nodeUuid;

    @Option(names = "--agent-token", description = "A token given out of band, for when the lookup does not hand one out.")
    String agentToken;

    @Option(names = "--heartbeat-interval", description = "Seconds between heartbeats (default: 30-60 % of the heartbeat_timeout the lookup returns).")
    Double heartbeatInterval;

    @Option(names = "--lookup-timeout", defaultValue = "300", description = "Seconds to keep looking the node up; 0 is forever (default: ${DEFAULT-VALUE}).")
    long lookupTimeout;

    @Option(names = "--lookup-interval", defaultValue = "1", description = "First pause between lookups in seconds; it doubles up to 30 (default: ${DEFAULT-VALUE}).")
    double lookupInterval;

    @Option(names = "--work-dir", description = "Where qcow2 images are staged before conversion (default: beside a file disk, else the temporary directory).")
    Path workDir;

    @Option(names = "--inspection-callback-url", description = "Post the inventory there before the lookup, as the reference agent does for inspection.")
    String inspectionCallbackUrl;

    @Option(names = "--power-off-command", description = "Program run by standby.power_off before the agent exits (e.g. poweroff); default: just exit.")
    List<String> powerOffCommand = new ArrayList<>();

    @Option(names = "--reboot-command", description = "Program run by standby.reboot before the agent exits with code 10.")
    List<String> rebootCommand = new ArrayList<>();

    @Option(names = "--extensions", description = "A directory of extension bundles (hardware managers) to install.")
    Path extensions;

    @Option(names = "--framework-storage", description = "The framework's cache directory (default: a fresh temporary one).")
    Path storage;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        int code = cli.execute(args);
        if (code != 0 || cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path cache = storage != null ? storage : Files.createTempDirectory("ferric-agent-felix-");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // The JDK's HTTP server is not a java.* package, so the framework must export it to the agent.
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "com.sun.net.httpserver");
        put(config, "api.url", apiUrl);
        put(config, "listen", listen);
        put(config, "advertise.host", advertiseHost);
        put(config, "macs", String.join("\n", macs));
        put(config, "disks", String.join("\n", disks.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        put(config, "profile", profile == null ? null : profile.toAbsolutePath().toString());
        put(config, "node.uuid", nodeUuid);
        put(config, "agent.token", agentToken);
        put(config, "heartbeat.interval", heartbeatInterval == null ? null : heartbeatInterval.toString());
        put(config, "lookup.timeout", Long.toString(lookupTimeout));
        put(config, "lookup.interval", Double.toString(lookupInterval));
        put(config, "work.dir", workDir == null ? null : workDir.toAbsolutePath().toString());
        put(config, "inspection.callback.url", inspectionCallbackUrl);
        put(config, "power.off.command", String.join("\n", powerOffCommand));
        put(config, "reboot.command", String.join("\n", rebootCommand));

        Framework framework = new FrameworkFactory().newFramework(config);
        framework.init();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                framework.stop();
                framework.waitForStop(10_000);
            } catch (BundleException | InterruptedException e) {
                // the JVM is going away regardless
            }
        }, "framework-stop"));
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> libraries = new ArrayList<>();
        Bundle agent = null;
        try (JarFile self = new JarFile(selfJar())) {
            for (JarEntry e : self.stream().filter(e -> e.getName().startsWith("bundles/") && e.getName().endsWith(".jar")).toList()) {
                try (InputStream in = self.getInputStream(e)) {
                    Bundle b = ctx.installBundle("ferric-agent:" + e.getName(), in);
                    if (e.getName().equals("bundles/ferric-agent.jar")) {
                        agent = b;
                    } else {
                        libraries.add(b);
                    }
                }
            }
        }
        if (extensions != null) {
            try (Stream<Path> jars = Files.list(extensions)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    libraries.add(ctx.installBundle(jar.toUri().toString()));
                }
            }
        }
        framework.start();
        for (Bundle b : libraries) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        // Last, so that the hardware managers of extensions are registered when the agent activates.
        if (agent == null) {
            throw new IllegalStateException("bundles/ferric-agent.jar is missing from " + selfJar());
        }
        agent.start();
        framework.waitForStop(0);
        return 0;
    }

    private static void put(Map<String, String> config, String key, String value) {
        if (value != null && !value.isEmpty()) {
            config.put(PREFIX + key, value);
        }
    }

    private static File selfJar() throws URISyntaxException {
        return new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ferric-agent " + (v == null ? "dev" : v)};
        }
    }

    static {
        // Quieter JUL default format: one line per record, as a ramdisk's console shows it.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
    }

}
