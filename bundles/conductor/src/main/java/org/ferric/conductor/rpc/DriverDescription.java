package org.ferric.conductor.rpc;

import java.util.List;
import java.util.Map;

/**
 * A loaded driver as {@code /v1/drivers} shows it.
 *
 * @param name               hardware type name
 * @param hosts              conductors serving it
 * @param defaultInterfaces  interface type (api name, e.g. {@code power}) to default implementation; absent if none
 * @param enabledInterfaces  interface type to the implementations it supports
 */
public record DriverDescription(String name, List<String> hosts, Map<String, String> defaultInterfaces,
        Map<String, List<String>> enabledInterfaces) {
}
