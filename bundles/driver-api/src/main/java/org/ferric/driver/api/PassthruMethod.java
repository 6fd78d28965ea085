package org.ferric.driver.api;

import java.util.Set;

/**
 * A vendor method, as listed by {@code GET /v1/nodes/{id}/vendor_passthru/methods}.
 *
 * @param name             the method name in {@code ?method=}
 * @param httpMethods      the HTTP verbs it answers, e.g. {@code POST}
 * @param async            true: the API answers 202 and the call runs in the background
 * @param description      what it does
 * @param attach           true: the return value is a file served as an attachment
 * @param requireExclusiveLock true: runs under the node's exclusive lock
 */
public record PassthruMethod(String name, Set<String> httpMethods, boolean async, String description,
        boolean attach, boolean requireExclusiveLock) {

    public PassthruMethod {
        httpMethods = Set.copyOf(httpMethods);
    }
}
