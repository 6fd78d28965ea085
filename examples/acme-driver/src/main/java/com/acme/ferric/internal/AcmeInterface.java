package com.acme.ferric.internal;

import java.util.ArrayList;
import java.util.List;

import org.ferric.driver.api.DriverInterface;
import org.ferric.driver.api.InvalidParameterException;
import org.ferric.driver.api.PropertySpec;
import org.ferric.driver.api.TaskContext;

/** What the acme interfaces share: their name and the driver_info that reaches the BMC. */
abstract class AcmeInterface implements DriverInterface {
    static final String ADDRESS = "acme_address";
    static final String USERNAME = "acme_username";
    static final String PASSWORD = "acme_password";

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.required(ADDRESS, "Host name or IP address of the BMC."),
            PropertySpec.optional(USERNAME, "User name on the BMC."),
            PropertySpec.optional(PASSWORD, "Password of that user."));

    @Override
    public String name() {
        return AcmeHardware.NAME;
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    /** Checks driver_info only: validate must never reach the hardware. */
    @Override
    public void validate(TaskContext task) throws InvalidParameterException {
        List<String> missing = new ArrayList<>();
        for (PropertySpec p : PROPERTIES) {
            Object value = task.node().driverInfo().get(p.name());
            if (p.required() && (value == null || value.toString().isBlank())) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            // Names only: a value (the password above all) never goes into a message.
            throw new InvalidParameterException("Missing the following acme credentials in node's driver_info: "
                    + String.join(", ", missing));
        }
    }
}
