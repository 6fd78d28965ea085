package org.ferric.driver.ipmi.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ferric.driver.api.DriverException;

/**
 * Turns {@code ipmitool sdr -v} into Ironic's sensor data: sensor type, then sensor ID, then the
 * sensor's {@code key: value} lines. Sensors without a reading are left out, as in Ironic.
 */
final class SensorDataParser {
    private static final String[] TYPE_KEYS = {"Sensor Type (Analog)", "Sensor Type (Discrete)", "Sensor Type (Threshold)"};

    private SensorDataParser() {
    }

    static Map<String, Object> parse(String output) throws DriverException {
        Map<String, Object> byType = new LinkedHashMap<>();
        if (output == null || output.isBlank()) {
            return byType;
        }
        for (String block : output.split("\n\n")) {
            Map<String, String> sensor = fields(block);
            if (sensor.isEmpty()) {
                continue;
            }
            String type = typeOf(sensor);
            if (sensor.containsKey("Sensor Reading")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ofType = (Map<String, Object>) byType.computeIfAbsent(type, k -> new LinkedHashMap<>());
                ofType.put(sensor.get("Sensor ID"), sensor);
            }
        }
        if (byType.isEmpty()) {
            throw new DriverException("Failed to parse the IPMI sensor data: no sensor with a reading in the BMC's answer.");
        }
        return byType;
    }

    private static Map<String, String> fields(String block) {
        Map<String, String> sensor = new LinkedHashMap<>();
        for (String line : block.split("\n")) {
            if (line.isEmpty() || line.startsWith("<<")) {
                continue; // "<<" lines are ipmitool's debug output
            }
            String[] kv = line.split(":");
            if (kv.length == 2) {
                sensor.put(kv[0].strip(), kv[1].strip());
            }
        }
        return sensor;
    }

    private static String typeOf(Map<String, String> sensor) throws DriverException {
        for (String key : TYPE_KEYS) {
            String v = sensor.get(key);
            if (v != null) {
                return v.split(" ", 2)[0];
            }
        }
        throw new DriverException("Failed to parse the IPMI sensor data: unknown sensor type in " + sensor.keySet());
    }
}
