package io.gangproof.model;

import org.junit.jupiter.api.Assumptions;

/**
 * The jpf-core build JPF tests run against: {@code JPF_HOME}, else the one the project
 * provides in {@code shared/tools/jpf-core} beside the checkout. Without either the test is
 * skipped, and says why.
 */
public final class JpfBuild {
    private JpfBuild() {
    }

    public static JpfHome require() {
        var home = JpfHome.find();
        Assumptions.assumeTrue(home.isPresent(), "no jpf-core build: JPF_HOME is not set to one and there is no "
                + JpfHome.PROVIDED + " beside the checkout, so this JPF test does not run");
        return home.get();
    }
}
