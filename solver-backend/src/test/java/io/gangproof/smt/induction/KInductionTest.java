package io.gangproof.smt.induction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The targets of issue 12 on the bundled specs, and the cases where the induction must not close. */
class KInductionTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @TempDir
    Path dir;

    static SystemSpec load(String file) {
        return SpecLoader.load(SPECS.resolve(file)).orThrow();
    }

    /** Every bundled spec with fixed levels and pipelines. */
    static List<SystemSpec> bundled() throws IOException {
        List<SystemSpec> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SPECS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".gang")).sorted().toList()) {
                SystemSpec s = SpecLoader.load(f).orThrow();
                if (ProtocolModel.of(s, new ArrayList<>()).isPresent()) {
                    specs.add(s);
                }
            }
        }
        return specs;
    }

    @Test
    void deadlockFreeIsProvedOnEveryBundledAllOrNothingOrAscendingSpec() throws IOException {
        int proved = 0;
        for (SystemSpec s : bundled()) {
            Protocol p = s.scheduler().protocol();
            if (p == Protocol.PER_TPU_LISTED) {
                continue;
            }
            InductionOutcome o = KInduction.prove(s, new Property.DeadlockFree(), Optional.of(dir),
                    KInduction.DEFAULT_TIMEOUT);
            assertThat(o).as(s.name()).isInstanceOf(InductionOutcome.Proved.class);
            InductionOutcome.Proved pr = (InductionOutcome.Proved) o;
            assertThat(pr.certificates()).as(s.name()).hasSize(5);
            assertThat(pr.lemmas()).contains(p.perTpu() ? "held-prefix-of-lock-order" : "gang-holds-only-started");
            proved++;
        }
        assertThat(proved).isGreaterThanOrEqualTo(10);
    }

    @Test
    void listedLockOrdersInOppositeDirectionsDoNotClose() {
        InductionOutcome o = KInduction.prove(load("deadlock-per-tpu.gang"), new Property.DeadlockFree(),
                Optional.empty(), KInduction.DEFAULT_TIMEOUT);
        assertThat(o).isInstanceOf(InductionOutcome.Failed.class);
        assertThat(((InductionOutcome.Failed) o).step()).isEqualTo("safety");
    }

    @Test
    void nothingOvertakesUnderGangStrictOrPartitionedPlacement() {
        for (String[] c : new String[][] {{"coral-quad-strict.gang", "detect"},
                {"coral-quad-partitioned.gang", "detect"}, {"coral-octo-strict.gang", "segment"}}) {
            InductionOutcome o = KInduction.prove(load(c[0]), new Property.Overtakes(c[1], new Bound.Value(0)),
                    Optional.of(dir), KInduction.DEFAULT_TIMEOUT);
            assertThat(o).as(c[0]).isInstanceOf(InductionOutcome.Proved.class);
            assertThat(((InductionOutcome.Proved) o).k()).isEqualTo(1);
        }
    }

    @Test
    void gangGreedyOvertakesAreNotProved() {
        InductionOutcome o = KInduction.prove(load("coral-quad-greedy.gang"),
                new Property.Overtakes("detect", new Bound.Value(0)), Optional.empty(), KInduction.DEFAULT_TIMEOUT);
        assertThat(o).isInstanceOf(InductionOutcome.Failed.class);
        assertThat(((InductionOutcome.Failed) o).reason()).contains("never-overtaken");
    }

    @Test
    void theProofIsTheSameAtEveryResolution() throws IOException {
        String text = Files.readString(SPECS.resolve("starvation-strict.gang"));
        List<List<String>> proofs = new ArrayList<>();
        for (String resolution : List.of("1 ms", "1 us", "1 ns")) {
            SystemSpec s = SpecLoader.loadText("starvation-strict.gang", text.replace("resolution 1 ms",
                    "resolution " + resolution), SPECS).orThrow();
            InductionOutcome o = KInduction.prove(s, new Property.DeadlockFree(), Optional.empty(),
                    KInduction.DEFAULT_TIMEOUT);
            assertThat(o).isInstanceOf(InductionOutcome.Proved.class);
            proofs.add(((InductionOutcome.Proved) o).obligations().stream().map(Obligation::smt).toList());
        }
        assertThat(proofs.get(1)).isEqualTo(proofs.get(0));
        assertThat(proofs.get(2)).isEqualTo(proofs.get(0));
    }

    @Test
    void aJobWaitingForALockMayBeOvertakenOnItsOtherTpu() {
        SystemSpec spec = SpecLoader.loadText("lock-wait.gang", """
                system lock_wait {
                  resolution 1 ms
                  platform { tpus 2 }
                  dnn one { latency { 1: 2 ms } }
                  dnn two { latency { 2: 1 ms } }
                  task H { runs two, sporadic 10 ms, priority 1, pinned [1, 0] }
                  task L { runs one, sporadic 10 ms, priority 2, pinned [0] }
                  task C { runs one, sporadic 10 ms, priority 3, pinned [1] }
                  scheduler pinned fp with per-tpu-listed
                  verify { overtakes(H) <= 0 }
                }
                """, SPECS).orThrow();
        InductionOutcome o = KInduction.prove(spec, new Property.Overtakes("H", new Bound.Value(0)),
                Optional.empty(), KInduction.DEFAULT_TIMEOUT);
        assertThat(o).isInstanceOf(InductionOutcome.Failed.class);
        assertThat(KInduction.prove(spec, new Property.DeadlockFree(), Optional.empty(), KInduction.DEFAULT_TIMEOUT))
                .isInstanceOf(InductionOutcome.Proved.class);
    }
}
