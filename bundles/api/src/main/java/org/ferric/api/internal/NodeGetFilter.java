package org.ferric.api.internal;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code GET /v1/nodes/{ident}}, the API's most frequent call (clients poll a node while it
 * deploys), answered in front of JAX-RS: CXF's matching, interceptor chains and provider lookups
 * were about 40% of that call. Only a plain successful read is answered here, with
 * {@link NodesResource}'s renderer and {@link ApiVersionFilter}'s headers; anything else (another
 * query parameter, a version to refuse, an unknown node, any error) passes on to JAX-RS, which
 * answers it as it always did.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/v1/nodes/*",
        "osgi.http.whiteboard.filter.name=ferric-node-get" })
public class NodeGetFilter implements Filter {
    private static final String PREFIX = "/v1/nodes/";
    /** The one query this path answers: field names only, nothing that needs decoding. */
    private static final Pattern FIELDS_QUERY = Pattern.compile("fields=[a-z0-9_,]+");

    private final DbApi db;
    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public NodeGetFilter(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)
                || !answer(req, resp)) {
            chain.doFilter(request, response);
        }
    }

    /** @return false, having written nothing, if JAX-RS should answer */
    private boolean answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"GET".equals(req.getMethod())) {
            return false;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.startsWith(PREFIX) || path.indexOf('/', PREFIX.length()) >= 0 || path.length() == PREFIX.length()) {
            return false;
        }
        String query = req.getQueryString();
        if (query != null && !FIELDS_QUERY.matcher(query).matches()) {
            return false;
        }
        String ident = path.substring(PREFIX.length());
        if (ident.indexOf('%') >= 0) {
            return false;
        }
        ApiVersion version;
        List<String> fields;
        NodeLookup.Renderable read;
        try {
            version = ApiVersion.negotiate(req.getHeader(ApiVersion.HEADER));
            fields = query == null ? null : Args.stringList(query.substring("fields=".length()));
            read = NodeLookup.readForAnswer(db, rpc, ident, version, fields);
        } catch (RuntimeException refused) {
            // JAX-RS answers it, with the error Ironic gives
            return false;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json");
        ApiVersionFilter.writeHeaders(version, resp::setHeader);
        NodeRenderer renderer = new NodeRenderer(version, new Links(base(req, settings)), read.conductorOf());
        try (JsonGenerator json = Json.streamingGenerator(resp.getOutputStream())) {
            renderer.write(json, read.node(), fields);
        }
        return true;
    }

    /**
     * The base URL links are made of, as JAX-RS's {@code UriInfo.getBaseUri()} gives it, or the
     * configured public endpoint. Also used by {@link NodeCreateFilter}.
     */
    static String base(HttpServletRequest req, ApiSettings settings) {
        if (!settings.publicEndpoint().isEmpty()) {
            return settings.publicEndpoint();
        }
        String url = req.getRequestURL().toString();
        return url.substring(0, url.length() - req.getRequestURI().length()) + req.getContextPath() + "/";
    }
}
