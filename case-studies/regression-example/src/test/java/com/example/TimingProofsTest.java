package com.example;

import io.gangproof.junit.SpecTests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class TimingProofsTest {
    @TestFactory
    Stream<DynamicNode> timingProofs() {
        return SpecTests.in(Path.of("src/test/specs"))
                .engines("proof", "simulation")
                .timeLimit(Duration.ofSeconds(20))
                .tests();
    }
}
