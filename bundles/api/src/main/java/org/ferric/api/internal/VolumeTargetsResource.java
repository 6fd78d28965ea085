package org.ferric.api.internal;

import java.util.Map;

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

/** {@code /v1/volume/targets} (1.32): remote volumes a node boots from or attaches. */
@Component(service = VolumeTargetsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/volume/targets")
@Produces(MediaType.APPLICATION_JSON)
public class VolumeTargetsResource extends ObjectResource {

    @Activate
    public VolumeTargetsResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        super(ObjectType.VOLUME_TARGET, db, rpc, settings);
    }

    @Override
    Map<String, Object> checkCreate(Map<String, Object> v, ApiVersion version) {
        v.put("node_uuid", nodeUuid(v.get("node_uuid"), version));
        checkBootIndex(v);
        return v;
    }

    @Override
    void checkPatch(StoredObject current, Map<String, Object> changes, ApiVersion version) {
        if (changes.containsKey("node_uuid")) {
            changes.put("node_uuid", nodeUuid(changes.get("node_uuid"), version));
        }
        checkBootIndex(changes);
    }

    private static void checkBootIndex(Map<String, Object> v) {
        if (v.get("boot_index") instanceof Number n && n.longValue() < 0) {
            throw ApiError.badRequest("Schema error for volume_target: " + n + " is less than the minimum of 0");
        }
    }
}
