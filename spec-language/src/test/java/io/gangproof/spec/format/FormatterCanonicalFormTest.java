package io.gangproof.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Details of the canonical form that the round-trip properties also check on random text. */
class FormatterCanonicalFormTest {

    @Test
    void blankLinesBeforeAClosingBraceAreDropped() {
        String text = "system s {\n  platform { tpus 1\n\n  }\n  verify {\n    deadlines\n\n\n  }\n\n}\n";
        assertThat(SpecFormatter.formatText(text)).isEqualTo(
                "system s {\n  platform {\n    tpus 1\n  }\n  verify {\n    deadlines\n  }\n}\n");
    }

    @Test
    void aCommentBeforeAClosingBraceKeepsItsBlankLineAbove() {
        String text = "system s {\n  verify {\n    deadlines\n\n    // more later\n\n  }\n}\n";
        assertThat(SpecFormatter.formatText(text)).isEqualTo(
                "system s {\n  verify {\n    deadlines\n\n    // more later\n  }\n}\n");
    }

    @Test
    void blankLinesBetweenDeclarationsAreKeptOnce() {
        String text = "system s {\n  platform { tpus 1 }\n\n\n\n  scheduler global fp\n}\n";
        assertThat(SpecFormatter.formatText(text)).isEqualTo(
                "system s {\n  platform {\n    tpus 1\n  }\n\n  scheduler global fp\n}\n");
    }
}
