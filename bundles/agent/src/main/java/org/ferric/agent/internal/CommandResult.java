package org.ferric.agent.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One command as {@code GET /v1/commands/} reports it. {@code command_name} is the name without its
 * extension ({@code execute_deploy_step}), because that is what Ironic's conductor compares.
 */
final class CommandResult {
    static final String RUNNING = "RUNNING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String VERSION_MISMATCH = "VERSION_MISMATCH";

    final String id = UUID.randomUUID().toString();
    final String name;
    final Map<String, Object> params;
    private final CountDownLatch done = new CountDownLatch(1);
    private String status = RUNNING;
    private Object result;
    private Object error;

    CommandResult(String name, Map<String, Object> params) {
        this.name = name;
        this.params = params;
    }

    synchronized void succeed(Object value) {
        status = SUCCEEDED;
        // A bare string becomes {"result": "<command>: <text>"}, as the reference agent reports it.
        result = value instanceof CharSequence ? Map.of("result", name + ": " + value) : value;
        done.countDown();
    }

    synchronized void fail(AgentError e) {
        status = "VersionMismatch".equals(e.type) ? VERSION_MISMATCH : FAILED;
        error = e.toJson();
        done.countDown();
    }

    synchronized boolean isDone() {
        return !RUNNING.equals(status);
    }

    synchronized String status() {
        return status;
    }

    void join() throws InterruptedException {
        done.await();
    }

    boolean join(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    synchronized Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("command_name", name);
        out.put("command_params", redacted(params));
        out.put("command_status", status);
        out.put("command_error", error);
        out.put("command_result", result);
        return out;
    }

    /**
     * The params as the command API shows them: a password (the rescue password) never leaves the agent
     * again, whoever lists the commands.
     */
    @SuppressWarnings("unchecked")
    static Object redacted(Object params) {
        if (params instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                copy.put(key, key.toLowerCase(java.util.Locale.ROOT).contains("password") && e.getValue() != null
                        ? "******" : redacted(e.getValue()));
            }
            return copy;
        }
        if (params instanceof java.util.List<?> l) {
            return l.stream().map(CommandResult::redacted).toList();
        }
        return params;
    }
}
