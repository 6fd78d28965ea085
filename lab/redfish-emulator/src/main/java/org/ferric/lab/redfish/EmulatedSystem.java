package org.ferric.lab.redfish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One server behind the BMC: its power, boot override, BIOS and virtual media, and the log of
 * what was done to it. Tests read and change it directly; every method is synchronized, as the
 * HTTP threads use it too.
 */
public final class EmulatedSystem {
    static final List<String> BOOT_TARGETS = List.of("None", "Pxe", "Floppy", "Cd", "Usb", "Hdd", "BiosSetup",
            "Utilities", "Diags", "UefiShell", "UefiTarget", "UefiHttp");
    static final List<String> BOOT_ENABLED = List.of("Disabled", "Once", "Continuous");
    static final List<String> BOOT_MODES = List.of("UEFI", "Legacy");
    static final List<String> RESET_TYPES = List.of("On", "ForceOff", "GracefulShutdown", "GracefulRestart",
            "ForceRestart", "PowerCycle", "Nmi", "PushPowerButton");
    static final Map<String, Object> DEFAULT_BIOS = defaultBios();

    private final String id;
    private final String uuid;
    private final Hardware hardware;
    private final Faults faults;
    private final List<PowerListener> listeners;

    private boolean poweredOn;
    private boolean targetOn;
    private long settleAt;
    private String bootTarget = "None";
    private String bootEnabled = "Disabled";
    private String bootMode = "UEFI";
    private final Map<String, Object> bios = new LinkedHashMap<>(DEFAULT_BIOS);
    private final Map<String, Object> pendingBios = new LinkedHashMap<>();
    private final Map<String, Media> media = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();

    /** A virtual media device: {@code Cd} (CD, DVD) or {@code Usb} (USBStick, Floppy). */
    public static final class Media {
        final String id;
        final List<String> types;
        volatile String image;
        volatile boolean inserted;
        volatile boolean writeProtected = true;

        Media(String id, List<String> types) {
            this.id = id;
            this.types = List.copyOf(types);
        }

        public String image() {
            return image;
        }

        public boolean inserted() {
            return inserted;
        }
    }

    /** @param listeners told of each power transition; the emulator's list, shared by its systems */
    EmulatedSystem(String id, String uuid, Hardware hardware, Faults faults, List<PowerListener> listeners) {
        this.id = id;
        this.uuid = uuid;
        this.hardware = hardware;
        this.faults = faults;
        this.listeners = listeners;
        media.put("Cd", new Media("Cd", List.of("CD", "DVD")));
        media.put("Usb", new Media("Usb", List.of("USBStick", "Floppy")));
    }

    private static Map<String, Object> defaultBios() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("BootMode", "Uefi");
        m.put("EmbeddedSata", "Raid");
        m.put("NicBoot1", "NetworkBoot");
        m.put("ProcTurboMode", "Enabled");
        m.put("ProcVirtualization", "Enabled");
        m.put("NumCores", 8);
        return java.util.Collections.unmodifiableMap(m);
    }

    public String id() {
        return id;
    }

    public String uuid() {
        return uuid;
    }

    public Hardware hardware() {
        return hardware;
    }

    /** On, Off, PoweringOn or PoweringOff. */
    public synchronized String powerState() {
        settle();
        if (poweredOn == targetOn) {
            return poweredOn ? "On" : "Off";
        }
        return targetOn ? "PoweringOn" : "PoweringOff";
    }

    /** Sets the power at once, without booting (no override is consumed, no listener is told): a test's back door. */
    public synchronized void setPowerState(boolean on) {
        poweredOn = on;
        targetOn = on;
        settleAt = 0;
    }

    public synchronized String bootTarget() {
        return bootTarget;
    }

    public synchronized String bootEnabled() {
        return bootEnabled;
    }

    public synchronized String bootMode() {
        return bootMode;
    }

    public synchronized Map<String, Object> bios() {
        return new LinkedHashMap<>(bios);
    }

    public synchronized Map<String, Object> pendingBios() {
        return new LinkedHashMap<>(pendingBios);
    }

    public synchronized Media media(String deviceId) {
        return media.get(deviceId);
    }

    /** What was done to the system, oldest first: {@code reset ForceOff}, {@code boot Pxe}, {@code nmi}, ... */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized Set<String> mediaIds() {
        return media.keySet();
    }

    /**
     * Completes a pending power change once its delay is over. With a {@link Faults#powerDelay}, that
     * happens (and listeners hear of it) at the first look at the system after the delay.
     */
    private void settle() {
        if (poweredOn != targetOn && System.nanoTime() - settleAt >= 0) {
            poweredOn = targetOn;
            if (poweredOn) {
                boot();
            } else {
                tell(transition(false));
            }
        }
    }

    /** What a real server does when it starts: consume a one-time override, apply pending BIOS settings. */
    private void boot() {
        PowerTransition started = transition(true);
        events.add("boot " + bootTarget + (bootEnabled.equals("Disabled") ? " (default)" : ""));
        if ("Once".equals(bootEnabled)) {
            bootEnabled = "Disabled";
            bootTarget = "None";
        }
        if (!pendingBios.isEmpty()) {
            bios.putAll(pendingBios);
            pendingBios.clear();
            events.add("bios applied");
        }
        tell(started);
    }

    private PowerTransition transition(boolean on) {
        String target = "Disabled".equals(bootEnabled) ? "None" : bootTarget;
        Media device = switch (target) {
            case "Cd" -> media.get("Cd");
            case "Usb", "Floppy" -> media.get("Usb");
            default -> null;
        };
        return new PowerTransition(id, on, target, device != null && device.inserted ? device.image : null);
    }

    private void tell(PowerTransition t) {
        for (PowerListener l : listeners) {
            try {
                l.powerChanged(t);
            } catch (RuntimeException e) {
                events.add("power listener failed: " + e);
            }
        }
    }

    private void changePower(boolean on) {
        settle();
        if (on == targetOn) {
            return;
        }
        targetOn = on;
        Duration delay = faults.powerDelay();
        settleAt = System.nanoTime() + delay.toNanos();
        if (delay.isZero()) {
            settle();
        }
    }

    /**
     * The {@code ComputerSystem.Reset} action; also what a lab calls when the server's software powers
     * it off ({@code ForceOff}) or reboots it ({@code ForceRestart}).
     */
    public synchronized void reset(String type) {
        if (!RESET_TYPES.contains(type)) {
            throw RedfishError.badActionValue("ResetType", type, "ComputerSystem.Reset");
        }
        events.add("reset " + type);
        settle();
        switch (type) {
            case "On" -> changePower(true);
            case "ForceOff", "GracefulShutdown" -> changePower(false);
            case "PushPowerButton" -> changePower(!targetOn);
            case "Nmi" -> events.add("nmi");
            default -> { // the restarts: a server that is off is simply started
                if (poweredOn && targetOn) {
                    tell(transition(false));
                    boot();
                } else {
                    changePower(true);
                }
            }
        }
    }

    synchronized void patchBoot(String target, String enabled, String mode) {
        if (target != null && !BOOT_TARGETS.contains(target)) {
            throw RedfishError.badValue("BootSourceOverrideTarget", target);
        }
        if (enabled != null && !BOOT_ENABLED.contains(enabled)) {
            throw RedfishError.badValue("BootSourceOverrideEnabled", enabled);
        }
        if (mode != null && !BOOT_MODES.contains(mode)) {
            throw RedfishError.badValue("BootSourceOverrideMode", mode);
        }
        if (target != null) {
            bootTarget = target;
            // A target without Enabled means the next boot, as BMCs commonly do.
            if (enabled == null && "Disabled".equals(bootEnabled) && !"None".equals(target)) {
                bootEnabled = "Once";
            }
        }
        if (enabled != null) {
            bootEnabled = enabled;
        }
        if (mode != null) {
            bootMode = mode;
        }
        events.add("boot override " + bootTarget + " " + bootEnabled + " " + bootMode);
    }

    /** Stages settings for the next boot, after checking that each attribute exists. */
    synchronized void stageBios(Map<String, Object> attributes) {
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (!bios.containsKey(e.getKey())) {
                throw new RedfishError(400, "Base.1.8.PropertyUnknown",
                        "The property " + e.getKey() + " is not in the list of valid properties for the resource.");
            }
        }
        pendingBios.putAll(attributes);
        events.add("bios staged " + attributes.keySet());
    }

    synchronized void resetBios() {
        pendingBios.clear();
        pendingBios.putAll(DEFAULT_BIOS);
        events.add("bios reset");
    }

    synchronized void insertMedia(String deviceId, String image, boolean writeProtected) {
        Media m = media.get(deviceId);
        if (image == null || image.isBlank()) {
            throw RedfishError.missing("Image", "VirtualMedia.InsertMedia");
        }
        if (m.inserted) {
            throw new RedfishError(400, "Base.1.8.ActionNotSupported",
                    "The virtual media " + deviceId + " already has media inserted; eject it first.");
        }
        m.image = image;
        m.inserted = true;
        m.writeProtected = writeProtected;
        events.add("insert " + deviceId + " " + image);
    }

    synchronized void ejectMedia(String deviceId) {
        Media m = media.get(deviceId);
        m.image = null;
        m.inserted = false;
        events.add("eject " + deviceId);
    }
}
