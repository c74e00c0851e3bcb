package io.gangproof.casestudies;

import io.gangproof.junit.SpecTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every bundled case study, one test per property, against the verdicts its header expects. */
class CaseStudiesTest {
    @TestFactory
    Stream<DynamicNode> everyCaseStudyGivesTheVerdictsItExpects() {
        return SpecTests.forFolder(Path.of("specs"));
    }
}
