package org.ferric.api.internal;

import java.util.ArrayList;
import java.util.List;
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

/** {@code /v1/allocations} (1.52): reserving a matching node; the conductor does the matching. */
@Component(service = AllocationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(FerricApplication.SELECT)
@JSONRequired
@Path("v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationsResource extends ObjectResource {

    @Activate
    public AllocationsResource(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        super(ObjectType.ALLOCATION, db, rpc, settings);
    }

    @Override
    Map<String, Object> checkCreate(Map<String, Object> v, ApiVersion version) {
        if (v.get("node") != null && !version.atLeast(58)) {
            throw ApiError.notAcceptable();
        }
        if (v.get("owner") != null && !version.atLeast(60)) {
            throw ApiError.notAcceptable();
        }
        checkName(v.get("name"), version, "allocation");
        Object node = v.remove("node");
        if (node != null) {
            if (v.get("candidate_nodes") != null && !((List<?>) v.get("candidate_nodes")).isEmpty()) {
                throw ApiError.badRequest("Cannot use both candidate_nodes and node");
            }
            v.put("node_uuid", nodeUuid(node, version));
        } else if (v.get("resource_class") == null) {
            throw ApiError.badRequest("The resource_class field is mandatory when not backfilling");
        }
        if (v.get("traits") != null) {
            v.put("traits", Traits.checkAll(v.get("traits"), "allocation"));
        }
        if (v.get("candidate_nodes") != null) {
            List<String> uuids = new ArrayList<>();
            for (Object c : (List<?>) v.get("candidate_nodes")) {
                if (!(c instanceof String s)) {
                    throw ApiError.badRequest("Schema error for allocation: " + PyRepr.of(Json.toTree(c)) + " is not of type 'string'");
                }
                uuids.add(nodeUuid(s, version));
            }
            v.put("candidate_nodes", uuids);
        }
        return v;
    }

    @Override
    void checkPatch(StoredObject current, Map<String, Object> changes, ApiVersion version) {
        if (!version.atLeast(57)) {
            throw ApiError.notAcceptable();
        }
        checkName(changes.get("name"), version, "allocation");
    }

    @Override
    StoredObject create(Map<String, Object> values) {
        return rpc.createAllocation(values);
    }

    @Override
    StoredObject update(StoredObject changed) {
        return rpc.updateAllocation(changed);
    }

    @Override
    void destroy(StoredObject object) {
        rpc.destroyAllocation(object.uuid());
    }
}
