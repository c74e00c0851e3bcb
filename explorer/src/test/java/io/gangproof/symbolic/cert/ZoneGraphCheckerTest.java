package io.gangproof.symbolic.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneGraphCheckerTest {
    @ParameterizedTest
    @ValueSource(strings = {"coral-dynamic", "textbook-buttazzo-ex8-1", "timing-anomaly", "deadlock-free-ascending",
        "starvation-strict"})
    void theEnginesCertificateIsAccepted(String name) {
        SystemSpec spec = Certificates.bundled(name);
        long t0 = System.nanoTime();
        String text = Certificates.of(spec, 100).orElseThrow();
        long t1 = System.nanoTime();
        ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(spec, text);
        long t2 = System.nanoTime();
        System.out.println(name + ": " + text.length() + " bytes, " + v + " engine " + (t1 - t0) / 1e6 + " ms, check "
                + (t2 - t1) / 1e6 + " ms");
        assertThat(v.outcome()).as(v.reason()).isEqualTo(ZoneGraphChecker.Outcome.ACCEPTED);
    }
}
