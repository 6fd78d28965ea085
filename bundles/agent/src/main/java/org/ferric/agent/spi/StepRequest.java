package org.ferric.agent.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a step is run with: the node and its ports as the conductor sent them, the step's
 * {@code args}, and the disks this agent may write to (the target disk first).
 */
public record StepRequest(Map<String, Object> node, List<Map<String, Object>> ports, Map<String, Object> args,
        List<Path> disks) {

    public StepRequest {
        node = node == null ? Map.of() : node;
        ports = ports == null ? List.of() : ports;
        args = args == null ? Map.of() : args;
        disks = List.copyOf(disks);
    }

    /** The disk a deploy writes to. */
    public Path targetDisk() {
        if (disks.isEmpty()) {
            throw new IllegalStateException("No disk found to write to");
        }
        return disks.get(0);
    }
}
