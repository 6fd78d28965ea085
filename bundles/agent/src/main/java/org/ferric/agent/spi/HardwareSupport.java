package org.ferric.agent.spi;

/** Ironic Python Agent's hardware support levels: the higher one wins a step both managers offer. */
public final class HardwareSupport {
    public static final int NONE = 0;
    public static final int GENERIC = 1;
    public static final int MAINLINE = 2;
    public static final int SERVICE_PROVIDER = 3;

    private HardwareSupport() {
    }
}
