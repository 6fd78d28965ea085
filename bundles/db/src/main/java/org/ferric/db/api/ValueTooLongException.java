package org.ferric.db.api;

/**
 * A node's text or document is longer than every database Ferric runs on keeps for it: at most
 * {@link #MAX_CHARS} characters (Derby's longest VARCHAR; Ironic's MySQL TEXT holds 64 KiB). Nothing
 * was written. {@code instance_info} and {@code driver_internal_info} have no such limit.
 *
 * @since 1.3
 */
public class ValueTooLongException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The longest value, in characters, of a limited node column. */
    public static final int MAX_CHARS = 32_672;

    private final String field;
    private final int length;

    public ValueTooLongException(String field, int length) {
        super("Field \"" + field + "\" is too long: " + length + " characters, at most " + MAX_CHARS + " are kept.");
        this.field = field;
        this.length = length;
    }

    /** The API name of the field, e.g. {@code extra}. */
    public String field() {
        return field;
    }

    public int length() {
        return length;
    }
}
