package org.ferric.api.internal;

/**
 * An error answered with Ironic's {@code faultcode/faultstring} body. The message is shown to the
 * client as is, so it must never carry secrets or stack traces.
 */
public class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    /** Ironic's NotAcceptable: the field, parameter or verb is newer than the requested version. */
    public static ApiError notAcceptable() {
        return new ApiError(406, "Request not acceptable.");
    }

    /** The variant some filters use, naming the version that introduced them. */
    public static ApiError notAcceptableBefore(int minor) {
        return new ApiError(406, "Request not acceptable. The minimal required API version should be 1." + minor);
    }

    public static ApiError nodeNotFound(String ident) {
        return notFound("Node " + ident + " could not be found.");
    }

    public static ApiError portNotFound(String ident) {
        return notFound("Port " + ident + " could not be found.");
    }

    public static ApiError invalidStateRequested(String action, String node, String state) {
        return badRequest("The requested action \"" + action + "\" can not be performed on node \"" + node
                + "\" while it is in state \"" + state + "\".");
    }
}
