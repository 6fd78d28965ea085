package org.ferric.lab.redfish;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The TaskService: long operations answered 202 with a task monitor. A task finishes when it is
 * first looked at after its duration, and only then does its change take effect, as on a BMC
 * whose job queue runs in the background.
 */
final class Tasks {
    static final String TASKS = "/redfish/v1/TaskService/Tasks";
    static final String MONITORS = "/redfish/v1/TaskService/TaskMonitors";

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    final class Task {
        final String id;
        final String name;
        private final long doneAt;
        private final Runnable work;
        private final String failure;
        private String state = "Running";

        Task(String id, String name, Duration duration, Runnable work, String failure) {
            this.id = id;
            this.name = name;
            this.doneAt = System.nanoTime() + duration.toNanos();
            this.work = work;
            this.failure = failure;
        }

        synchronized String state() {
            if ("Running".equals(state) && System.nanoTime() >= doneAt) {
                if (failure == null) {
                    work.run();
                    state = "Completed";
                } else {
                    state = "Exception";
                }
            }
            return state;
        }

        String monitor() {
            return MONITORS + "/" + id;
        }

        ObjectNode json() {
            String s = state();
            ObjectNode n = Json.resource(TASKS + "/" + id, "#Task.v1_4_3.Task", id, name);
            n.put("TaskState", s);
            n.put("TaskStatus", "Exception".equals(s) ? "Critical" : "OK");
            n.put("TaskMonitor", monitor());
            n.put("PercentComplete", "Running".equals(s) ? 50 : 100);
            var messages = n.putArray("Messages");
            if ("Exception".equals(s)) {
                ObjectNode m = messages.addObject();
                m.put("MessageId", "Base.1.8.GeneralError");
                m.put("Message", failure);
                m.put("Severity", "Critical");
            } else if ("Completed".equals(s)) {
                ObjectNode m = messages.addObject();
                m.put("MessageId", "TaskEvent.1.0.TaskCompletedOK");
                m.put("Message", "The task with Id '" + id + "' has completed.");
                m.put("Severity", "OK");
            }
            return n;
        }
    }

    Task start(String name, Duration duration, Runnable work, String failure) {
        String id = String.valueOf(ids.incrementAndGet());
        Task t = new Task(id, name, duration, work, failure);
        tasks.put(id, t);
        return t;
    }

    Task get(String id) {
        return tasks.get(id);
    }

    Iterable<String> paths() {
        return tasks.keySet().stream().sorted().map(id -> TASKS + "/" + id).toList();
    }
}
