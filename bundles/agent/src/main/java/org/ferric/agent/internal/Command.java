package org.ferric.agent.internal;

import java.util.Map;

/**
 * A command an extension offers. Synchronous commands answer in the POST; asynchronous ones run on
 * their own thread and the conductor polls {@code GET /v1/commands/} (or posts with {@code wait=true}).
 */
record Command(boolean async, Handler handler) {

    @FunctionalInterface
    interface Handler {
        Object run(Map<String, Object> params) throws Exception;
    }

    static Command sync(Handler h) {
        return new Command(false, h);
    }

    static Command async(Handler h) {
        return new Command(true, h);
    }
}
