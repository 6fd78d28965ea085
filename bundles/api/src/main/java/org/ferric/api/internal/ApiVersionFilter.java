package org.ferric.api.internal;

import java.net.URI;
import java.util.UUID;
import java.util.function.BiConsumer;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Microversion negotiation and the headers Ironic puts on every answer. Runs before matching so a
 * refused version never reaches a resource, and so paths without {@code v1} (Ironic's bookmark
 * links, e.g. {@code /nodes/<uuid>}) are routed to v1 as Ironic's root controller does.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class })
@JaxrsExtension
@JaxrsName("ferric-version")
@JaxrsApplicationSelect(FerricApplication.SELECT)
@PreMatching
public class ApiVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String VERSION_PROPERTY = "org.ferric.api.version";
    static final String ROOT_PROPERTY = "org.ferric.api.root";
    public static final String REQUEST_ID_HEADER = "Openstack-Request-Id";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = stripSlashes(request.getUriInfo().getPath());
        if (path.isEmpty()) {
            // The versions document ignores the version header, as Ironic's root does.
            request.setProperty(ROOT_PROPERTY, Boolean.TRUE);
            return;
        }
        if (!path.equals("v1") && !path.startsWith("v1/")) {
            URI base = request.getUriInfo().getBaseUri();
            URI rewritten = UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                    .replacePath(UriBuilder.fromUri(base).path("v1").path(path).build().getRawPath())
                    .build();
            request.setRequestUri(base, rewritten);
        }
        try {
            request.setProperty(VERSION_PROPERTY, ApiVersion.negotiate(request.getHeaderString(ApiVersion.HEADER)));
        } catch (ApiVersion.NotAcceptable e) {
            Response.ResponseBuilder r = Response.status(406).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.http(406, e.getMessage()));
            if (e.rangeHeaders()) {
                r.header(ApiVersion.MIN_HEADER, ApiVersion.MIN.toString()).header(ApiVersion.MAX_HEADER, ApiVersion.MAX.toString());
            }
            request.abortWith(r.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorBody error && !error.versioned()) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean root = Boolean.TRUE.equals(request.getProperty(ROOT_PROPERTY));
        ApiVersion version = (ApiVersion) request.getProperty(VERSION_PROPERTY);
        writeHeaders(root ? null : (version == null ? ApiVersion.MIN : version), headers::putSingle);
    }

    /**
     * The headers Ironic puts on an answer: the version range and the version served (none for the
     * root document, {@code version} null), and a request id. Also used by {@link NodeGetFilter}.
     */
    static void writeHeaders(ApiVersion version, BiConsumer<String, String> header) {
        if (version != null) {
            header.accept(ApiVersion.MIN_HEADER, ApiVersion.MIN.toString());
            header.accept(ApiVersion.MAX_HEADER, ApiVersion.MAX.toString());
            header.accept(ApiVersion.HEADER, version.toString());
        }
        header.accept(REQUEST_ID_HEADER, "req-" + UUID.randomUUID());
    }

    private static String stripSlashes(String path) {
        if (path == null) {
            return "";
        }
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
