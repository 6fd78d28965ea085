package org.ferric.conductor.rpc;

/**
 * One interface's validation.
 *
 * @param result true if valid; null if the node has no such interface
 * @param reason why not, or null
 */
public record ValidationResult(Boolean result, String reason) {

    public static ValidationResult ok() {
        return new ValidationResult(true, null);
    }

    public static ValidationResult failed(String reason) {
        return new ValidationResult(false, reason);
    }
}
