package org.ferric.agent.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the agent is started with. The launcher passes it as framework properties
 * ({@code ferric.agent.*}) so that the bundle depends on nothing of the launcher.
 *
 * @param heartbeatInterval fixed interval; null means Ironic Python Agent's rule (a random 30–60 %
 *        of the {@code heartbeat_timeout} the lookup returns)
 * @param lookupTimeout how long to keep looking the node up before giving up; zero is forever
 * @param lookupInterval the first pause between lookups; it doubles up to 30 s
 */
record AgentSettings(URI apiUrl, InetSocketAddress listen, String advertiseHost, List<String> macs, List<Path> disks,
        Path profile, String nodeUuid, String agentToken, Duration heartbeatInterval, Duration lookupTimeout,
        Duration lookupInterval, Path workDir, URI inspectionCallbackUrl, List<String> powerOffCommand, List<String> rebootCommand) {

    static final String PREFIX = "ferric.agent.";

    AgentSettings {
        macs = List.copyOf(macs);
        disks = List.copyOf(disks);
        powerOffCommand = List.copyOf(powerOffCommand);
        rebootCommand = List.copyOf(rebootCommand);
    }

    /** Reads {@code ferric.agent.<key>}: {@code api.url}, {@code listen}, {@code macs}, {@code disks} (one per line) … */
    static AgentSettings from(UnaryOperator<String> property) {
        String api = property.apply(PREFIX + "api.url");
        String listen = orElse(property.apply(PREFIX + "listen"), "0.0.0.0:9999");
        int colon = listen.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
        List<Path> disks = new ArrayList<>();
        for (String d : lines(property.apply(PREFIX + "disks"))) {
            disks.add(Path.of(d));
        }
        String profile = property.apply(PREFIX + "profile");
        String interval = property.apply(PREFIX + "heartbeat.interval");
        String workDir = property.apply(PREFIX + "work.dir");
        String inspection = property.apply(PREFIX + "inspection.callback.url");
        return new AgentSettings(api == null || api.isBlank() ? null : URI.create(api), address,
                property.apply(PREFIX + "advertise.host"), lines(property.apply(PREFIX + "macs")), disks,
                profile == null ? null : Path.of(profile), property.apply(PREFIX + "node.uuid"),
                property.apply(PREFIX + "agent.token"),
                interval == null ? null : Duration.ofMillis((long) (Double.parseDouble(interval) * 1000)),
                Duration.ofSeconds(Long.parseLong(orElse(property.apply(PREFIX + "lookup.timeout"), "300"))),
                Duration.ofMillis((long) (Double.parseDouble(orElse(property.apply(PREFIX + "lookup.interval"), "1")) * 1000)),
                workDir == null ? null : Path.of(workDir),
                inspection == null ? null : URI.create(inspection),
                lines(property.apply(PREFIX + "power.off.command")), lines(property.apply(PREFIX + "reboot.command")));
    }

    private static String orElse(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }

    static List<String> lines(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return v.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
