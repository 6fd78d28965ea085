package org.ferric.conductor.internal;

import java.util.Map;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.Chassis;
import org.ferric.db.api.ConflictException;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.ObjectQuery;
import org.ferric.db.api.PortQuery;
import org.ferric.db.api.StoredObject;

/**
 * Chassis, portgroups, volume connectors and targets and deploy templates: checks that involve other
 * rows (the node exists, the portgroup has no ports) and Ironic's wording for taken values.
 */
final class StoredResources {
    private final DbApi db;

    StoredResources(DbApi db) {
        this.db = db;
    }

    Chassis createChassis(Chassis chassis) {
        try {
            return db.createChassis(chassis);
        } catch (DuplicateEntryException e) {
            throw ConductorException.conflict("A chassis with UUID " + e.value() + " already exists.");
        }
    }

    Chassis updateChassis(Chassis chassis) {
        try {
            return db.updateChassis(chassis);
        } catch (NotFoundException e) {
            throw ConductorException.notFound("Chassis " + chassis.getUuid() + " could not be found.");
        }
    }

    void destroyChassis(String uuid) {
        try {
            db.destroyChassis(uuid);
        } catch (ConflictException e) {
            throw ConductorException.badRequest("Cannot complete the requested action because chassis " + uuid
                    + " contains nodes.");
        } catch (NotFoundException e) {
            throw ConductorException.notFound("Chassis " + uuid + " could not be found.");
        }
    }

    StoredObject create(ObjectKind kind, Map<String, Object> fields) {
        try {
            return db.createObject(kind, fields);
        } catch (DuplicateEntryException e) {
            throw duplicate(kind, e);
        } catch (NotFoundException e) {
            throw ConductorException.badRequest("Node " + fields.get("node_uuid") + " could not be found.");
        }
    }

    StoredObject update(StoredObject changed) {
        try {
            return db.updateObject(changed);
        } catch (DuplicateEntryException e) {
            throw duplicate(changed.kind(), e);
        } catch (NotFoundException e) {
            if (db.findObject(changed.kind(), "id", changed.id()).isEmpty()) {
                throw ConductorException.notFound(label(changed.kind()) + " " + changed.uuid() + " could not be found.");
            }
            throw ConductorException.badRequest("Node " + changed.get("node_uuid") + " could not be found.");
        }
    }

    void destroy(StoredObject object) {
        if (object.kind() == ObjectKind.PORTGROUP) {
            boolean hasPorts = !db.listPorts(new PortQuery(null, null, object.uuid(), null, 1, null, "id", true)).isEmpty();
            if (hasPorts) {
                throw ConductorException.badRequest("Cannot complete the requested action because portgroup "
                        + object.uuid() + " contains ports.");
            }
        }
        try {
            db.destroyObject(object.kind(), object.id());
        } catch (NotFoundException e) {
            throw ConductorException.notFound(label(object.kind()) + " " + object.uuid() + " could not be found.");
        }
    }

    /** How many objects of the kind refer to the node: used before a node moves away from them. */
    int countForNode(ObjectKind kind, String nodeUuid) {
        return db.listObjects(ObjectQuery.all(kind, Map.of("node_uuid", nodeUuid), 1000)).size();
    }

    private static ConductorException duplicate(ObjectKind kind, DuplicateEntryException e) {
        return switch (kind) {
            case PORTGROUP -> switch (e.field()) {
                case "name" -> ConductorException.conflict("A portgroup with name " + e.value() + " already exists.");
                case "address" -> ConductorException.conflict("A portgroup with MAC address " + e.value() + " already exists.");
                default -> ConductorException.conflict("A portgroup with UUID " + e.value() + " already exists.");
            };
            case VOLUME_CONNECTOR -> "type".equals(e.field())
                    ? ConductorException.conflict("A volume connector with this type and connector_id already exists.")
                    : ConductorException.conflict("A volume connector with UUID " + e.value() + " already exists.");
            case VOLUME_TARGET -> "node_uuid".equals(e.field())
                    ? ConductorException.conflict("A volume target with this boot index already exists for the node.")
                    : ConductorException.conflict("A volume target with UUID " + e.value() + " already exists.");
            case DEPLOY_TEMPLATE -> "name".equals(e.field())
                    ? ConductorException.conflict("A deploy template with name " + e.value() + " already exists.")
                    : ConductorException.conflict("A deploy template with UUID " + e.value() + " already exists.");
            default -> ConductorException.conflict(label(kind) + " " + e.field() + " " + e.value() + " already exists.");
        };
    }

    static String label(ObjectKind kind) {
        return switch (kind) {
            case PORTGROUP -> "Portgroup";
            case VOLUME_CONNECTOR -> "Volume connector";
            case VOLUME_TARGET -> "Volume target";
            case DEPLOY_TEMPLATE -> "Deploy template";
            case ALLOCATION -> "Allocation";
            default -> kind.name();
        };
    }
}
