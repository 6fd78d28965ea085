package org.ferric.driver.fake.internal;

import java.util.Map;

import org.ferric.driver.api.ConsoleInterface;
import org.ferric.driver.api.TaskContext;

final class FakeConsole extends FakeInterface implements ConsoleInterface {

    @Override
    public void startConsole(TaskContext task) {
    }

    @Override
    public void stopConsole(TaskContext task) {
    }

    @Override
    public Map<String, Object> getConsole(TaskContext task) {
        return Map.of("type", "fake", "url", "fake://console");
    }
}
