package org.ferric.api.internal;

import java.net.URI;

import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ironic's links: {@code self} under {@code /v1}, {@code bookmark} without it, both on the base
 * URL the client used (or the configured public endpoint).
 */
public final class Links {
    private final String base;

    public Links(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static Links of(UriInfo uriInfo, ApiSettings settings) {
        if (!settings.publicEndpoint().isEmpty()) {
            return new Links(settings.publicEndpoint());
        }
        URI baseUri = uriInfo.getBaseUri();
        return new Links(baseUri.toString());
    }

    public String base() {
        return base;
    }

    /** {@code <base>/v1/<resource>/<args>}, or {@code <base>/v1/<resource>?...} for a query. */
    public String url(String resource, String args) {
        return base + "/v1/" + resource + (args.startsWith("?") ? args : "/" + args);
    }

    public String bookmark(String resource, String args) {
        return base + "/" + resource + (args.startsWith("?") ? args : "/" + args);
    }

    public ObjectNode link(String rel, String href) {
        ObjectNode l = Json.object();
        l.put("href", href);
        l.put("rel", rel);
        return l;
    }

    /** The usual pair of self and bookmark links. */
    public ArrayNode pair(String resource, String args) {
        ArrayNode a = Json.array();
        a.add(link("self", url(resource, args)));
        a.add(link("bookmark", bookmark(resource, args)));
        return a;
    }
}
