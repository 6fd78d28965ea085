package org.ferric.api.internal;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.ferric.conductor.rpc.ConductorException;
import org.ferric.db.api.ConflictException;
import org.ferric.db.api.DuplicateEntryException;
import org.ferric.db.api.NotFoundException;
import org.ferric.db.api.ValueTooLongException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns every failure into Ironic's error document; stack traces go to the log only. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("ferric-errors")
@JaxrsApplicationSelect(FerricApplication.SELECT)
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable t) {
        ErrorBody body = toBody(t);
        Response.ResponseBuilder r = Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (t instanceof NotAllowedException na) {
            Object allow = na.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
            if (allow != null) {
                r.header(HttpHeaders.ALLOW, allow);
            }
        }
        return r.build();
    }

    static ErrorBody toBody(Throwable t) {
        if (t instanceof ApiError e) {
            return ErrorBody.fault(e.status(), e.getMessage());
        }
        if (t instanceof ConductorException e) {
            if (e.status() >= 500) {
                LOG.warn("Conductor refused the request with {}: {}", e.status(), e.getMessage());
            }
            return ErrorBody.fault(e.status(), e.getMessage());
        }
        if (t instanceof DuplicateEntryException e) {
            return ErrorBody.fault(409, Conflicts.message(e, null));
        }
        if (t instanceof ValueTooLongException e) {
            return ErrorBody.fault(400, e.getMessage());
        }
        if (t instanceof NotFoundException e) {
            return ErrorBody.fault(404, e.getMessage());
        }
        if (t instanceof ConflictException e) {
            return ErrorBody.fault(409, e.getMessage());
        }
        if (t instanceof ApiVersion.NotAcceptable e) {
            return ErrorBody.http(406, e.getMessage());
        }
        if (t instanceof JsonProcessingException e) {
            return ErrorBody.fault(400, "Malformed JSON in the request body: " + e.getOriginalMessage());
        }
        if (t instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status < 500) {
                // Routing failures (unknown path, wrong method): webob's shape, as Ironic's pecan gives.
                return ErrorBody.http(status, "");
            }
        }
        if (clientWentAway(t)) {
            // The client closed its connection before the answer (an agent powered off mid-heartbeat,
            // a killed CLI): nothing failed here, and nobody is left to read the answer.
            LOG.debug("Client disconnected before the answer: {}", t.toString());
            return ErrorBody.fault(500, "The client disconnected.");
        }
        LOG.error("Unexpected failure while serving an API request", t);
        return ErrorBody.fault(500, "An unexpected error prevented the server from fulfilling your request.");
    }

    /** Jetty's EofException (by name: the API bundle does not import Jetty) anywhere in the chain. */
    static boolean clientWentAway(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if ("org.eclipse.jetty.io.EofException".equals(c.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
