package org.ferric.db.api;

/** The row to change no longer exists. */
public class NotFoundException extends DbException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
