package org.ferric.conductor.rpc;

/**
 * A request the conductor refused. {@code status} is the HTTP status the API answers with;
 * the message is shown to the user as is (it never holds secrets).
 */
public class ConductorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int BAD_REQUEST = 400;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int NOT_ACCEPTABLE = 406;
    public static final int CONFLICT = 409;
    public static final int SERVICE_UNAVAILABLE = 503;

    private final int status;

    public ConductorException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ConductorException badRequest(String message) {
        return new ConductorException(BAD_REQUEST, message);
    }

    public static ConductorException notFound(String message) {
        return new ConductorException(NOT_FOUND, message);
    }

    public static ConductorException conflict(String message) {
        return new ConductorException(CONFLICT, message);
    }

    /** Ironic's NodeLocked message. */
    public static ConductorException nodeLocked(String node, String host) {
        return conflict("Node " + node + " is locked by host " + host
                + ", please retry after the current operation is completed.");
    }
}
