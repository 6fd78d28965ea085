package org.ferric.api.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;

import org.ferric.db.api.DbApi;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ObjectQuery;
import org.ferric.db.api.StoredObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Listing, finding, rendering and patching the resources an {@link ObjectType} describes, the way
 * Ironic's controllers do for portgroups, volume connectors/targets, deploy templates and allocations.
 */
final class ObjectApi {
    private final ObjectType type;
    private final DbApi db;
    private final ApiSettings settings;

    ObjectApi(ObjectType type, DbApi db, ApiSettings settings) {
        this.type = type;
        this.db = db;
        this.settings = settings;
    }

    /** Ironic answers 404 for a resource that the requested microversion does not have yet. */
    void checkVersion(ApiVersion version) {
        if (!version.atLeast(type.minVersion())) {
            throw ApiError.notFound("The resource could not be found.");
        }
    }

    StoredObject find(String ident) {
        Optional<StoredObject> found;
        if (Args.isUuidLike(ident)) {
            found = db.findObject(type.kind(), "uuid", ident);
        } else if (type.byName()) {
            found = db.findObject(type.kind(), "name", ident);
        } else {
            throw ApiError.badRequest("Expected a UUID for " + type.label().toLowerCase(java.util.Locale.ROOT) + ": " + ident);
        }
        return found.orElseThrow(() -> notFound(ident));
    }

    ApiError notFound(String ident) {
        return ApiError.notFound(type.label() + " " + ident + " could not be found.");
    }

    /**
     * @param parentFilters filters the path imposes (a node's portgroups), field to value
     * @param resourceUrl   the collection's path below {@code /v1}, for the next link
     */
    ObjectNode list(UriInfo uri, ApiVersion version, boolean detailPath, Map<String, Object> parentFilters,
            String resourceUrl) {
        checkVersion(version);
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Set<String> accepted = new HashSet<>(Set.of("marker", "limit", "sort_key", "sort_dir", "fields"));
        if (type.listFields() != null && !detailPath) {
            accepted.add("detail");
        }
        if (parentFilters.isEmpty()) {
            accepted.addAll(type.filters().keySet());
        }
        NodesResource.rejectUnexpected(q, accepted);
        List<String> fields = Args.stringList(q.getFirst("fields"));
        checkFields(fields, version);
        Boolean detail = Args.bool("detail", q.getFirst("detail"));
        if (fields != null && (Boolean.TRUE.equals(detail) || detailPath)) {
            throw ApiError.badRequest("Can not specify ?detail=True and fields in the same request.");
        }
        boolean full = type.listFields() == null || detailPath || Boolean.TRUE.equals(detail);
        List<String> shown = fields != null ? fields : full ? null : type.listFields();
        int limit = Paging.limit(q.getFirst("limit"), settings.maxLimit());
        String sortKey = q.getFirst("sort_key") == null ? "id" : q.getFirst("sort_key");
        String sortDir = q.getFirst("sort_dir") == null ? "asc" : q.getFirst("sort_dir");
        boolean ascending = Paging.ascending(sortDir);
        if (!type.sortable().contains(sortKey)) {
            throw ApiError.badRequest("The sort_key value \"" + sortKey + "\" is an invalid field for sorting");
        }
        Long markerId = null;
        String marker = q.getFirst("marker");
        if (marker != null) {
            markerId = find(marker).id();
        }
        Map<String, Object> filters = new LinkedHashMap<>(parentFilters);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : type.filters().entrySet()) {
            String value = q.getFirst(f.getKey());
            if (value == null || !parentFilters.isEmpty()) {
                continue;
            }
            if ("node".equals(f.getKey())) {
                value = NodeLookup.find(db, value, version).getUuid();
            } else if ("address".equals(f.getKey())) {
                String mac = Args.normalizeMac(value);
                if (mac == null) {
                    throw ApiError.badRequest("Expected valid MAC address for address: " + value);
                }
                value = mac;
            } else if ("owner".equals(f.getKey()) && !version.atLeast(60)) {
                throw ApiError.notAcceptable();
            }
            filters.put(f.getValue(), value);
            parameters.put(f.getKey(), q.getFirst(f.getKey()));
        }
        List<StoredObject> objects;
        try {
            objects = db.listObjects(new ObjectQuery(type.kind(), filters, limit, markerId, sortKey, ascending));
        } catch (NotFoundException e) {
            throw notFound(marker);
        }
        Links links = Links.of(uri, settings);
        ArrayNode items = Json.array();
        for (StoredObject o : objects) {
            items.add(render(o, version, links, shown));
        }
        ObjectNode out = Json.object();
        out.set(type.listKey(), items);
        parameters.put("sort_key", sortKey);
        parameters.put("sort_dir", sortDir);
        if (detail != null) {
            parameters.put("detail", Paging.py(detail));
        }
        String next = Paging.next(links, detailPath ? resourceUrl + "/detail" : resourceUrl, objects.size(), limit,
                parameters, fields, objects.isEmpty() ? null : objects.get(objects.size() - 1).uuid());
        if (next != null) {
            out.put("next", next);
        }
        return out;
    }

    void checkFields(List<String> fields, ApiVersion version) {
        if (fields == null) {
            return;
        }
        List<String> invalid = new ArrayList<>();
        for (String f : fields) {
            Integer min = type.fields().get(f);
            if (min == null) {
                invalid.add(f);
            } else if (!version.atLeast(min)) {
                throw ApiError.notAcceptable();
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiError.badRequest("Field(s) \"" + String.join(", ", invalid) + "\" are not valid");
        }
    }

    ObjectNode render(StoredObject o, ApiVersion version, Links links, List<String> shown) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, Integer> f : type.fields().entrySet()) {
            String name = f.getKey();
            if (!version.atLeast(f.getValue()) || (shown != null && !shown.contains(name) && !"links".equals(name))) {
                continue;
            }
            if ("links".equals(name)) {
                out.set(name, links.pair(type.collection(), o.uuid()));
                continue;
            }
            Object value = o.get(name);
            if (value == null && type.jsonDefaults().containsKey(name)) {
                value = type.jsonDefaults().get(name);
            }
            if (value instanceof Instant t) {
                out.put(name, IsoTime.format(t));
            } else {
                out.set(name, Json.toTree(value));
            }
        }
        if (shown == null) {
            for (Map.Entry<String, Integer> sub : type.subLinks().entrySet()) {
                if (version.atLeast(sub.getValue())) {
                    out.set(sub.getKey(), links.pair(type.collection(), o.uuid() + "/" + sub.getKey()));
                }
            }
        }
        return out;
    }

    /** The object as a patch sees it: every field at the newest version, without links. */
    ObjectNode patchDocument(StoredObject o) {
        ObjectNode doc = render(o, ApiVersion.MAX, new Links(""), null);
        doc.remove("links");
        type.subLinks().keySet().forEach(doc::remove);
        return doc;
    }

    /**
     * Applies a JSON Patch: only {@link ObjectType#patchable()} fields, checked against the schema.
     * @return the fields that changed, by name, validated
     */
    Map<String, Object> patch(StoredObject o, JsonPatch patch, ApiVersion version) {
        patch.checkAllowed(type.patchable());
        for (Map.Entry<String, Integer> f : type.fields().entrySet()) {
            if (!version.atLeast(f.getValue()) && !patch.values("/" + f.getKey()).isEmpty()) {
                throw ApiError.notAcceptable();
            }
        }
        ObjectNode before = patchDocument(o);
        ObjectNode patched = patch.apply(before.deepCopy());
        ObjectNode changed = Json.object();
        for (String field : type.patchable()) {
            JsonNode value = patched.get(field);
            if (!Objects.equals(value, before.get(field))) {
                changed.set(field, value == null ? Json.MAPPER.nullNode() : value);
            }
        }
        changed.fields().forEachRemaining(e -> {
            if (e.getValue().isNull() && type.schema().required().contains(e.getKey())) {
                throw ApiError.badRequest("Schema error for " + type.schema().name() + ": '" + e.getKey()
                        + "' is a required property");
            }
        });
        type.schema().optional().validate(changed);
        return values(changed);
    }

    /** The body's fields as plain Java values after schema validation. */
    static Map<String, Object> values(ObjectNode doc) {
        Map<String, Object> v = new LinkedHashMap<>();
        doc.fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().isNull() ? null : Json.toJava(e.getValue())));
        return v;
    }
}
