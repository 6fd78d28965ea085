package org.ferric.lab.redfish;

/**
 * Told of every power transition of every system of an emulator ({@link RedfishEmulator#addPowerListener}):
 * what a virtual lab needs to start a server's software when it boots and stop it when it goes off.
 * It is called on the thread that changed the power, with the system's lock held, in the order of the
 * transitions: keep it short, and do not wait there for another thread that uses the same system. An
 * exception it throws is recorded in the system's events and does not fail the request.
 */
@FunctionalInterface
public interface PowerListener {
    void powerChanged(PowerTransition transition);
}
