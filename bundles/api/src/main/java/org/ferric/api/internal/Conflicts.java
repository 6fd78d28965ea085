package org.ferric.api.internal;

import org.ferric.db.api.DuplicateEntryException;

/** Ironic's wording for a taken unique value. */
final class Conflicts {
    private Conflicts() {
    }

    /** @param nodeUuid the node being written, for the instance_uuid message; may be null */
    static String message(DuplicateEntryException e, String nodeUuid) {
        String field = e.field() == null ? "" : e.field();
        String value = e.value();
        switch (field) {
            case "name":
                return "A node with name " + value + " already exists.";
            case "address":
                return "A port with MAC address " + value + " already exists.";
            case "instance_uuid":
            case "instanceUuid":
                return "Instance " + value + " is already associated with a node, it cannot be associated with this other node "
                        + (nodeUuid == null ? "" : nodeUuid);
            default:
                return e.getMessage();
        }
    }

    static String forNode(DuplicateEntryException e, String nodeUuid) {
        return "uuid".equals(e.field()) ? "A node with UUID " + e.value() + " already exists." : message(e, nodeUuid);
    }

    static String forPort(DuplicateEntryException e) {
        return "uuid".equals(e.field()) ? "A port with UUID " + e.value() + " already exists." : message(e, null);
    }
}
