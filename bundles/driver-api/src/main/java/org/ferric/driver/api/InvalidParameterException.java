package org.ferric.driver.api;

/** The node's configuration (usually driver_info) is missing or wrong; the API answers 400. */
public class InvalidParameterException extends DriverException {
    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        super(message);
    }
}
