package org.ferric.driver.api;

/** The driver does not support the requested operation; the API answers 400. */
public class UnsupportedDriverOperationException extends DriverException {
    private static final long serialVersionUID = 1L;

    public UnsupportedDriverOperationException(String message) {
        super(message);
    }
}
