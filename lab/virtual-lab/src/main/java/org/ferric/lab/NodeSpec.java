package org.ferric.lab;

import java.nio.file.Path;
import java.util.List;

/** What the lab decided about a node before its BMC starts. */
record NodeSpec(int index, String name, String uuid, List<String> macs, Path dir, Path disk, long diskSize,
        int agentPort, List<String> agentCommand) {
    NodeSpec {
        macs = List.copyOf(macs);
        agentCommand = List.copyOf(agentCommand);
    }
}
