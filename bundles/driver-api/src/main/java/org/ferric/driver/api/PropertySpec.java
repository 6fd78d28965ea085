package org.ferric.driver.api;

/**
 * One {@code driver_info} property an interface reads.
 *
 * @param name        the key in {@code driver_info}
 * @param description what it means, shown by {@code GET /v1/drivers/{name}/properties}
 * @param required    whether validation fails without it
 */
public record PropertySpec(String name, String description, boolean required) {

    public static PropertySpec required(String name, String description) {
        return new PropertySpec(name, description + " Required.", true);
    }

    public static PropertySpec optional(String name, String description) {
        return new PropertySpec(name, description + " Optional.", false);
    }
}
