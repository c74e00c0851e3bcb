package io.gangproof.smt;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SmtScriptTest {

    @Test
    void namesAreSanitisedAndUnique() {
        SmtScript s = new SmtScript();
        String a = s.declareInt("x) (assert false");
        String b = s.declareInt("x_ _assert false");
        String c = s.declareInt("x| |y");
        assertThat(a).matches("v_[A-Za-z0-9_]+");
        assertThat(b).matches("v_[A-Za-z0-9_]+").isNotEqualTo(a);
        assertThat(c).matches("v_[A-Za-z0-9_]+");
        s.comment("a comment\n(assert false)");
        s.assertTerm("meaning\n(assert false)", SmtScript.op("=", a, SmtScript.num(-3)));
        String text = s.finish();
        assertThat(text).doesNotContain("\n(assert false)").contains("(- 3)");
        assertThat(WitnessCheck.solve(new WitnessCheck.Encoding(text, s.meanings()), Duration.ofSeconds(5)))
                .isInstanceOf(WitnessVerdict.Confirmed.class);
    }

    @Test
    void ceilAndFloorBracketsDetermineTheValue() {
        for (long x = -7; x <= 7; x++) {
            SmtScript s = new SmtScript();
            String n = s.ceilDiv("n", SmtScript.num(x), 3, "ceil");
            String m = s.floorDiv("m", SmtScript.num(x), 3, "floor");
            s.assertTerm("wrong ceil or floor", SmtScript.op("or",
                    SmtScript.op("distinct", n, SmtScript.num(Math.floorDiv(x + 2, 3))),
                    SmtScript.op("distinct", m, SmtScript.num(Math.floorDiv(x, 3)))));
            assertThat(WitnessCheck.solve(new WitnessCheck.Encoding(s.finish(), s.meanings()), Duration.ofSeconds(5)))
                    .as("x = %d", x).isInstanceOf(WitnessVerdict.Refuted.class);
        }
    }
}
