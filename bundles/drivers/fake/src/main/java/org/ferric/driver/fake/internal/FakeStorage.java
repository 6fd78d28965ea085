package org.ferric.driver.fake.internal;

final class FakeStorage extends NoopStorage {

    @Override
    public String name() {
        return "fake";
    }
}
