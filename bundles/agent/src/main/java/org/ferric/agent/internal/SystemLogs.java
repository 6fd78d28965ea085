package org.ferric.agent.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

/**
 * {@code log.collect_system_logs}: what the ramdisk knows about itself (kernel log, processes,
 * mounts, block devices, addresses) and the agent's own recent log, as a base64-encoded tar.gz,
 * which Ironic stores under {@code [agent]deploy_logs_*}.
 */
final class SystemLogs extends Handler {
    private static final int KEEP = 5000;
    private static final Map<String, List<String>> COMMANDS = Map.of(
            "dmesg", List.of("dmesg"),
            "ps", List.of("ps", "aux"),
            "df", List.of("df", "-a"),
            "mount", List.of("mount"),
            "lsblk", List.of("lsblk", "--all", "-o", "+UUID,PTUUID,PARTUUID,FSTYPE"),
            "ip_addr", List.of("ip", "addr"));

    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public synchronized void publish(LogRecord record) {
        if (recent.size() == KEEP) {
            recent.removeFirst();
        }
        recent.addLast(formatter.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    String collect(String inventoryJson) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ferric-agent-logs-");
        try {
            synchronized (this) {
                Files.writeString(dir.resolve("ferric-agent.log"), String.join("", recent));
            }
            Files.writeString(dir.resolve("inventory.json"), inventoryJson);
            Files.writeString(dir.resolve("collected_at"), Instant.now().toString() + "\n");
            for (var e : COMMANDS.entrySet()) {
                String text;
                try {
                    Exec.Result r = Exec.run(e.getValue(), Duration.ofSeconds(30));
                    text = r.out() + (r.stderr().isEmpty() ? "" : "\n" + r.stderr() + "\n");
                } catch (IOException ex) {
                    text = "not collected: " + ex.getMessage() + "\n";
                }
                Files.writeString(dir.resolve(e.getKey()), text, StandardCharsets.UTF_8);
            }
            Exec.Result tar = Exec.check(List.of("tar", "-czf", "-", "-C", dir.toString(), "."), Duration.ofMinutes(2));
            return Base64.getEncoder().encodeToString(tar.stdout());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
