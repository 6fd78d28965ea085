package org.ferric.lab.redfish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the emulator refuses, answered with a Redfish error body
 * ({@code error.code}, {@code error.message}, {@code error.@Message.ExtendedInfo}) as real BMCs do.
 */
final class RedfishError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String messageId;

    RedfishError(int status, String messageId, String message) {
        super(message);
        this.status = status;
        this.messageId = messageId;
    }

    static RedfishError notFound(String path) {
        return new RedfishError(404, "Base.1.8.ResourceMissingAtURI", "The resource at the URI " + path + " was not found.");
    }

    static RedfishError notAllowed(String method, String path) {
        return new RedfishError(405, "Base.1.8.OperationNotAllowed", "The method " + method + " is not allowed on " + path + ".");
    }

    static RedfishError unauthorized() {
        return new RedfishError(401, "Base.1.8.NoValidSession",
                "There is no valid session established with the implementation.");
    }

    static RedfishError badValue(String property, Object value) {
        return new RedfishError(400, "Base.1.8.PropertyValueNotInList",
                "The value " + value + " for the property " + property + " is not in the list of acceptable values.");
    }

    static RedfishError badActionValue(String parameter, Object value, String action) {
        return new RedfishError(400, "Base.1.8.ActionParameterValueNotInList", "The value " + value
                + " for the parameter " + parameter + " in the action " + action + " is not in the list of acceptable values.");
    }

    static RedfishError missing(String parameter, String action) {
        return new RedfishError(400, "Base.1.8.ActionParameterMissing",
                "The action " + action + " requires the parameter " + parameter + " to be present in the request body.");
    }

    static RedfishError malformed(String detail) {
        return new RedfishError(400, "Base.1.8.MalformedJSON",
                "The request body submitted was malformed JSON and could not be parsed by the receiving service: " + detail);
    }

    static RedfishError preconditionFailed(String path) {
        return new RedfishError(412, "Base.1.8.PreconditionFailed",
                "The ETag supplied did not match the ETag required to change the resource " + path + ".");
    }

    static RedfishError injected(int status) {
        return new RedfishError(status, "Base.1.8.InternalError",
                "The request failed due to an internal service error. The service is still operational.");
    }

    ObjectNode body() {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", status >= 500 ? "Base.1.8.GeneralError" : messageId);
        error.put("message", "A general error has occurred. See ExtendedInfo for more information.");
        ArrayNode info = error.putArray("@Message.ExtendedInfo");
        ObjectNode m = info.addObject();
        m.put("@odata.type", "#Message.v1_1_1.Message");
        m.put("MessageId", messageId);
        m.put("Message", getMessage());
        m.put("Severity", status >= 500 ? "Critical" : "Warning");
        m.put("Resolution", status == 401 ? "Log in with valid credentials." : "Correct the request and resubmit it.");
        return root;
    }
}
