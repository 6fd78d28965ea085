package org.ferric.db.api;

/** The change conflicts with other rows (e.g. deleting a chassis that still has nodes). */
public class ConflictException extends DbException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
