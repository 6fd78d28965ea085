package org.ferric.agent.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The machine as Ironic Python Agent reports it ({@code cpu}, {@code memory}, {@code disks},
 * {@code interfaces}, {@code system_vendor}, {@code boot}, {@code bmc_address}, {@code hostname}):
 * read from {@code /proc}, {@code /sys} and {@code lsblk -J} of where the agent runs, then
 * overridden key by key by a lab profile, then by the {@code --mac}/{@code --disk} options.
 */
final class Inventory {
    private static final System.Logger LOG = System.getLogger(Inventory.class.getName());
    private static final Path SYS = Path.of("/sys");

    private Inventory() {
    }

    static Map<String, Object> collect(AgentSettings settings, ObjectMapper json) throws IOException {
        Map<String, Object> inv = real(json);
        if (settings.profile() != null) {
            Map<String, Object> profile = json.readValue(settings.profile().toFile(), new TypeReference<Map<String, Object>>() {
            });
            inv.putAll(profile);
        }
        if (!settings.macs().isEmpty()) {
            List<Map<String, Object>> nics = new ArrayList<>();
            int i = 0;
            for (String mac : settings.macs()) {
                Map<String, Object> nic = nic("eth" + i++, mac.toLowerCase(Locale.ROOT));
                nics.add(nic);
            }
            inv.put("interfaces", nics);
        }
        if (!settings.disks().isEmpty()) {
            List<Map<String, Object>> disks = new ArrayList<>();
            for (Path d : settings.disks()) {
                disks.add(fileDisk(d));
            }
            inv.put("disks", disks);
        }
        return inv;
    }

    /** The MAC addresses the lookup sends, in inventory order. */
    @SuppressWarnings("unchecked")
    static List<String> macs(Map<String, Object> inventory) {
        List<String> out = new ArrayList<>();
        Object nics = inventory.get("interfaces");
        if (nics instanceof List<?> l) {
            for (Object o : l) {
                Object mac = o instanceof Map ? ((Map<String, Object>) o).get("mac_address") : null;
                if (mac != null && !mac.toString().isBlank()) {
                    out.add(mac.toString());
                }
            }
        }
        return out;
    }

    /** The disks a step may write to: the --disk ones, or the real ones with the smallest ≥ 4 GiB first (IPA's root device). */
    @SuppressWarnings("unchecked")
    static List<Path> targetDisks(AgentSettings settings, Map<String, Object> inventory) {
        if (!settings.disks().isEmpty()) {
            return settings.disks();
        }
        List<Map<String, Object>> disks = new ArrayList<>();
        if (inventory.get("disks") instanceof List<?> l) {
            for (Object o : l) {
                disks.add((Map<String, Object>) o);
            }
        }
        long min = 4L << 30;
        disks.sort((a, b) -> {
            long sa = size(a), sb = size(b);
            boolean ba = sa >= min, bb = sb >= min;
            return ba != bb ? (ba ? -1 : 1) : Long.compare(sa, sb);
        });
        return disks.stream().map(d -> Path.of(d.get("name").toString())).toList();
    }

    private static long size(Map<String, Object> disk) {
        Object s = disk.get("size");
        return s instanceof Number n ? n.longValue() : s == null ? 0 : Long.parseLong(s.toString());
    }

    static Map<String, Object> real(ObjectMapper json) {
        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put("interfaces", interfaces());
        inv.put("cpu", cpu());
        inv.put("disks", disks(json));
        inv.put("memory", memory());
        inv.put("bmc_address", "0.0.0.0");
        inv.put("bmc_v6address", "::/0");
        inv.put("system_vendor", systemVendor());
        inv.put("boot", Map.of("current_boot_mode", Files.isDirectory(SYS.resolve("firmware/efi")) ? "uefi" : "bios"));
        inv.put("hostname", hostname());
        return inv;
    }

    static Map<String, Object> fileDisk(Path path) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", path.toString());
        d.put("model", Files.isRegularFile(path) ? "file" : null);
        d.put("size", Disks.size(path));
        d.put("rotational", false);
        d.put("wwn", null);
        d.put("serial", null);
        d.put("vendor", null);
        d.put("wwn_with_extension", null);
        d.put("wwn_vendor_extension", null);
        d.put("hctl", null);
        d.put("by_path", null);
        return d;
    }

    private static Map<String, Object> nic(String name, String mac) {
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("name", name);
        nic.put("mac_address", mac);
        nic.put("ipv4_address", null);
        nic.put("ipv6_address", null);
        nic.put("has_carrier", true);
        nic.put("lldp", null);
        nic.put("vendor", null);
        nic.put("product", null);
        nic.put("client_id", null);
        nic.put("biosdevname", null);
        nic.put("speed_mbps", null);
        return nic;
    }

    private static List<Map<String, Object>> interfaces() {
        List<Map<String, Object>> out = new ArrayList<>();
        Path net = SYS.resolve("class/net");
        try (Stream<Path> names = Files.list(net)) {
            for (Path dir : names.sorted().toList()) {
                String name = dir.getFileName().toString();
                String mac = read(dir.resolve("address"));
                // Virtual devices (lo, bridges, veths) have no device/ link; the reference agent skips them too.
                if (name.equals("lo") || mac == null || !Files.exists(dir.resolve("device"))) {
                    continue;
                }
                Map<String, Object> nic = nic(name, mac);
                nic.put("has_carrier", "1".equals(read(dir.resolve("carrier"))));
                nic.put("vendor", read(dir.resolve("device/vendor")));
                nic.put("product", read(dir.resolve("device/device")));
                String speed = read(dir.resolve("speed"));
                nic.put("speed_mbps", speed != null && speed.matches("\\d+") ? Integer.parseInt(speed) : null);
                try {
                    NetworkInterface ni = NetworkInterface.getByName(name);
                    if (ni != null) {
                        for (InetAddress a : ni.inetAddresses().toList()) {
                            if (a instanceof Inet4Address && nic.get("ipv4_address") == null) {
                                nic.put("ipv4_address", a.getHostAddress());
                            } else if (a instanceof Inet6Address && nic.get("ipv6_address") == null) {
                                nic.put("ipv6_address", a.getHostAddress().replaceAll("%.*", ""));
                            }
                        }
                    }
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "No addresses for {0}: {1}", name, e);
                }
                out.add(nic);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list network interfaces: {0}", e.toString());
        }
        return out;
    }

    private static Map<String, Object> cpu() {
        Map<String, Object> cpu = new LinkedHashMap<>();
        String model = null, mhz = null, flags = null;
        int count = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String k = line.substring(0, colon).strip(), v = line.substring(colon + 1).strip();
                switch (k) {
                    case "processor" -> count++;
                    case "model name" -> model = model == null ? v : model;
                    case "cpu MHz" -> mhz = mhz == null ? v : mhz;
                    case "flags" -> flags = flags == null ? v : flags;
                    default -> { }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read /proc/cpuinfo: {0}", e.toString());
        }
        cpu.put("model_name", model);
        cpu.put("frequency", mhz);
        cpu.put("count", count > 0 ? count : Runtime.getRuntime().availableProcessors());
        String arch = System.getProperty("os.arch");
        cpu.put("architecture", switch (arch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> arch;
        });
        cpu.put("flags", flags == null ? List.of() : List.of(flags.split("\\s+")));
        return cpu;
    }

    private static Map<String, Object> memory() {
        long total = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read /proc/meminfo: {0}", e.toString());
        }
        // Installed memory counts the blocks the kernel keeps for itself too; MemTotal does not.
        long physical = 0;
        Path mem = SYS.resolve("devices/system/memory");
        String block = read(mem.resolve("block_size_bytes"));
        if (block != null) {
            long blockSize = Long.parseLong(block, 16);
            try (Stream<Path> blocks = Files.list(mem)) {
                physical = blocks.filter(p -> p.getFileName().toString().startsWith("memory"))
                        .filter(p -> "1".equals(read(p.resolve("online")))).count() * blockSize;
            } catch (IOException e) {
                physical = 0;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("physical_mb", physical > 0 ? physical >> 20 : total >> 20);
        return out;
    }

    private static List<Map<String, Object>> disks(ObjectMapper json) {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("lsblk", "-J", "-b", "-d", "-o", "NAME,SIZE,ROTA,TYPE,MODEL,SERIAL,VENDOR,WWN,HCTL")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            JsonNode root = json.readTree(p.getInputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            for (JsonNode d : root.path("blockdevices")) {
                if (!"disk".equals(d.path("type").asText())) {
                    continue;
                }
                Map<String, Object> disk = new LinkedHashMap<>();
                disk.put("name", "/dev/" + d.path("name").asText());
                disk.put("model", text(d, "model"));
                disk.put("size", d.path("size").asLong());
                JsonNode rota = d.path("rota");
                disk.put("rotational", rota.isBoolean() ? rota.asBoolean() : "1".equals(rota.asText()));
                disk.put("wwn", text(d, "wwn"));
                disk.put("serial", text(d, "serial"));
                disk.put("vendor", text(d, "vendor"));
                disk.put("wwn_with_extension", text(d, "wwn"));
                disk.put("wwn_vendor_extension", null);
                disk.put("hctl", text(d, "hctl"));
                disk.put("by_path", null);
                out.add(disk);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "lsblk failed: {0}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private static Map<String, Object> systemVendor() {
        Path dmi = SYS.resolve("class/dmi/id");
        Map<String, Object> firmware = new LinkedHashMap<>();
        firmware.put("vendor", read(dmi.resolve("bios_vendor")));
        firmware.put("version", read(dmi.resolve("bios_version")));
        firmware.put("build_date", read(dmi.resolve("bios_date")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("product_name", read(dmi.resolve("product_name")));
        // product_serial is readable by root only; without root the serial is unknown, not an error.
        out.put("serial_number", read(dmi.resolve("product_serial")));
        out.put("manufacturer", read(dmi.resolve("sys_vendor")));
        out.put("firmware", firmware);
        return out;
    }

    private static String hostname() {
        String h = read(Path.of("/proc/sys/kernel/hostname"));
        return h != null ? h : "localhost";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText().strip();
    }

    static String read(Path p) {
        try {
            String s = Files.readString(p).strip();
            return s.isEmpty() ? null : s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
