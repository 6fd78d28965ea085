package org.ferric.driver.api;

/** A driver operation failed; the message is shown to the user as the node's last_error or an API error. */
public class DriverException extends Exception {
    private static final long serialVersionUID = 1L;

    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
