package org.ferric.api.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.ferric.conductor.rpc.ConductorRpc;
import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/nodes} answered in front of JAX-RS, as {@link NodeGetFilter} answers GET: on a JVM
 * that has just started, CXF's interceptor chains and provider lookups are code the JIT has not
 * compiled yet, run for every create (bench/README.md). The steps are {@link NodeCreation}'s, the
 * ones {@link NodesResource#create} runs. A request this path does not take (a query, another
 * media type or charset, a version to refuse) and any refusal before the node is created pass on
 * to JAX-RS with the body as read, so every error of a bad request is answered as it always was;
 * nothing has changed by then. Once the conductor has been asked, the answer is written here,
 * also a failure, so that a node is never created twice.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/v1/nodes",
        "osgi.http.whiteboard.filter.name=ferric-node-create" })
public class NodeCreateFilter implements Filter {
    private static final String PATH = "/v1/nodes";

    private final DbApi db;
    private final ConductorRpc rpc;
    private final ApiSettings settings;

    @Activate
    public NodeCreateFilter(@Reference DbApi db, @Reference ConductorRpc rpc, @Reference ApiSettings settings) {
        this.db = db;
        this.rpc = rpc;
        this.settings = settings;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp && taken(req)) {
            answer(req, resp, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Whether this path answers: a plain JSON POST to the collection, as clients send it. */
    private static boolean taken(HttpServletRequest req) {
        if (!"POST".equals(req.getMethod()) || req.getQueryString() != null
                || !PATH.equals(req.getRequestURI().substring(req.getContextPath().length()))) {
            return false;
        }
        String charset = req.getCharacterEncoding();
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            return false;
        }
        String accept = req.getHeader("Accept");
        return accept == null || accept.isBlank() || accept.contains("application/json") || accept.contains("*/*")
                || accept.contains("application/*");
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        byte[] body = req.getInputStream().readAllBytes();
        ApiVersion version;
        Node node;
        try {
            version = ApiVersion.negotiate(req.getHeader(ApiVersion.HEADER));
            node = NodeCreation.prepare(db, version, new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException refused) {
            // JAX-RS answers it, with the error Ironic gives; nothing has changed
            chain.doFilter(new ReadBody(req, body), resp);
            return;
        }
        ObjectNode out;
        String location;
        try {
            Node created = NodeCreation.create(rpc, node);
            Links links = new Links(NodeGetFilter.base(req, settings));
            out = NodeCreation.render(rpc, version, links, created);
            location = links.url("nodes", created.getUuid());
        } catch (RuntimeException failed) {
            // as ErrorMapper and ApiVersionFilter answer it in JAX-RS
            ErrorBody error = ErrorMapper.toBody(failed);
            write(resp, error.status(), error.versioned() ? version : null, error.json());
            return;
        }
        resp.setHeader("Location", location);
        write(resp, HttpServletResponse.SC_CREATED, version, out);
    }

    private static void write(HttpServletResponse resp, int status, ApiVersion version, ObjectNode json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        if (version != null) {
            ApiVersionFilter.writeHeaders(version, resp::setHeader);
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
        resp.setContentLength(bytes.length);
        try (OutputStream o = resp.getOutputStream()) {
            o.write(bytes);
        }
    }

    /** The request with its body, already read here, to be read again by JAX-RS. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already; no asynchronous reads");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
    }
}
