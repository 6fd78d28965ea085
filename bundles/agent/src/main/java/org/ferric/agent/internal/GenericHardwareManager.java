package org.ferric.agent.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ferric.agent.spi.HardwareManager;
import org.ferric.agent.spi.HardwareSupport;
import org.ferric.agent.spi.Step;
import org.ferric.agent.spi.StepRequest;

/**
 * The steps every machine gets, with the reference agent's names and priorities: cleaning erases
 * the disks' metadata (99) and, when asked, every byte (10); {@code write_image} (priority 0) is what
 * the conductor's {@code direct} deploy calls with {@code image_info}.
 */
final class GenericHardwareManager implements HardwareManager {
    static final String NAME = "GenericHardwareManager";

    private final ImageWriter images;
    private final DiskEraser eraser;

    GenericHardwareManager(ImageWriter images, DiskEraser eraser) {
        this.images = images;
        this.eraser = eraser;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.2";
    }

    @Override
    public int hardwareSupport() {
        return HardwareSupport.GENERIC;
    }

    @Override
    public List<Step> cleanSteps() {
        return List.of(
                Step.of("erase_devices", "deploy", 10, this::eraseDevices).abortable(true),
                Step.of("erase_devices_metadata", "deploy", 99, this::eraseMetadata).abortable(true));
    }

    @Override
    public List<Step> deploySteps() {
        return List.of(Step.of("write_image", "deploy", 0, this::writeImage).argsinfo(Map.of(
                "image_info", Map.of("description", "Information about the image to write", "required", true),
                "configdrive", Map.of("description", "A config drive (not written by this agent yet)", "required", false))));
    }

    private Object eraseDevices(StepRequest r) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Path disk : r.disks()) {
            try {
                out.put(disk.toString(), Map.of("bytes_zeroed", eraser.eraseAll(disk)));
            } catch (java.io.IOException e) {
                throw AgentError.erase("Erasing " + disk + " failed: " + e.getMessage());
            }
        }
        return out;
    }

    private Object eraseMetadata(StepRequest r) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Path disk : r.disks()) {
            try {
                out.put(disk.toString(), Map.of("bytes_zeroed", eraser.eraseMetadata(disk)));
            } catch (java.io.IOException e) {
                throw AgentError.erase("Erasing the metadata of " + disk + " failed: " + e.getMessage());
            }
        }
        return out;
    }

    private Object writeImage(StepRequest r) throws Exception {
        Map<String, Object> imageInfo = Params.map(r.args(), "image_info", true);
        return images.write(imageInfo, r.targetDisk());
    }
}
