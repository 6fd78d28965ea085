package org.ferric.api.internal;

import java.util.Map;
import java.util.Set;

import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.StoredObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /v1/volume/connectors} (1.32): a node's initiators for remote volumes. */
@Component(service = VolumeConnectorsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/volume/connectors")
@Produces(MediaType.APPLICATION_JSON)
public class VolumeConnectorsResource extends ObjectResource {
    static final Set<String> TYPES = Set.of("iqn", "ip", "mac", "wwnn", "wwpn", "port", "portgroup");

    @Activate
    public VolumeConnectorsResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        super(ObjectType.VOLUME_CONNECTOR, db, rpc, settings);
    }

    @Override
    Map<String, Object> checkCreate(Map<String, Object> v, ApiVersion version) {
        v.put("node_uuid", nodeUuid(v.get("node_uuid"), version));
        checkType(v);
        return v;
    }

    @Override
    void checkPatch(StoredObject current, Map<String, Object> changes, ApiVersion version) {
        if (changes.containsKey("node_uuid")) {
            changes.put("node_uuid", nodeUuid(changes.get("node_uuid"), version));
        }
        checkType(changes);
    }

    private static void checkType(Map<String, Object> v) {
        if (v.containsKey("type") && !TYPES.contains(v.get("type"))) {
            throw ApiError.badRequest("Invalid type " + v.get("type") + " for volume connector; valid types are "
                    + new java.util.TreeSet<>(TYPES));
        }
    }
}
