package org.ferric.db.api;

/** A unique value (uuid, name, MAC address, instance_uuid) is already taken. */
public class DuplicateEntryException extends DbException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;

    public DuplicateEntryException(String field, String value) {
        super("Duplicate " + field + ": " + value);
        this.field = field;
        this.value = value;
    }

    /** The field whose value is taken, e.g. {@code name}, {@code address}. */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
