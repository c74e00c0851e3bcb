package io.gangproof.symbolic.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The certificates the symbolic engine writes for the bundled specs it proves are accepted by the independent checker. */
class ZoneGraphCheckerTest {
    @ParameterizedTest
    @ValueSource(strings = {"coral-dynamic", "textbook-buttazzo-ex8-1", "timing-anomaly", "deadlock-free-ascending",
        "starvation-strict"})
    void theEnginesCertificateIsAccepted(String name) {
        SystemSpec spec = Certificates.bundled(name);
        String text = Certificates.of(spec, 100).orElseThrow();
        ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(spec, text);
        assertThat(v.outcome()).as(v.reason()).isEqualTo(ZoneGraphChecker.Outcome.ACCEPTED);
        assertThat(v.claimed()).isNotEmpty();
        assertThat(v.successors()).isGreaterThanOrEqualTo(v.states() - 1);
    }
}
