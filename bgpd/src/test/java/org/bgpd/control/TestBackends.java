package org.bgpd.control;

/** The control package's lab backends, for tests in other packages. */
public final class TestBackends {
    private TestBackends() {}

    public static ControlBackend nodeA() { return LabData.nodeA(2000); }
}
