package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import io.gangproof.scheduler.trace.TraceJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --engine smt} and {@code gangproof smt}: verdicts, exported queries, the optimiser. */
class SmtCliTest {
    private static final Path SPECS = GangproofCliTest.SPECS;

    @TempDir
    Path tmp;

    @Test
    void theSmtEngineFindsTheStarvationAndTheDeadlockAndTheCheckerReplaysThem() {
        CliRun greedy = CliRun.of("check", "--engine", "smt", "--out", tmp.toString(),
                SPECS.resolve("starvation-greedy.gang").toString());
        assertThat(greedy.exitCode()).as(greedy.out() + greedy.err()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(greedy.out()).contains("VIOLATED  deadlines(H)").contains("[smt, horizon 40 ms, trace ");
        CliRun deadlock = CliRun.of("check", "--engine", "smt", "--out", tmp.toString(),
                SPECS.resolve("deadlock-per-tpu.gang").toString());
        assertThat(deadlock.exitCode()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(deadlock.out()).contains("deadlock at 3 ms: jobs [B#0, A#0]");
        CliRun ascending = CliRun.of("check", "--engine", "smt", "--out", tmp.toString(),
                SPECS.resolve("deadlock-free-ascending.gang").toString());
        assertThat(ascending.exitCode()).as(ascending.out()).isEqualTo(ExitCodes.OK);
        assertThat(ascending.out()).contains("HOLDS-UP-TO  deadlock-free").contains("Z3: no behaviour violates it");
    }

    @Test
    void aSpecTooLargeToEncodeIsUnknownWithTheReason() {
        CliRun r = CliRun.of("check", "--engine", "smt", "--out", tmp.toString(),
                SPECS.resolve("coral-quad-strict.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("job-instant pairs").contains("give a smaller horizon");
    }

    @Test
    void emittedQueriesAreSelfContainedAndSolveToTheSameAnswer() throws IOException {
        Path violated = tmp.resolve("greedy.smt2");
        CliRun a = CliRun.of("smt", SPECS.resolve("starvation-greedy.gang").toString(), "--emit", violated.toString());
        assertThat(a.exitCode()).as(a.err()).isEqualTo(ExitCodes.OK);
        assertThat(a.out()).contains("deadlines(H) (property 1 of 2)");
        assertThat(solve(violated)).isEqualTo(Status.SATISFIABLE);
        Path holds = tmp.resolve("strict.smt2");
        CliRun b = CliRun.of("smt", SPECS.resolve("starvation-strict.gang").toString(), "--emit", holds.toString(),
                "--property", "1");
        assertThat(b.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(solve(holds)).isEqualTo(Status.UNSATISFIABLE);
        Path optimisation = tmp.resolve("max.smt2");
        CliRun c = CliRun.of("smt", SPECS.resolve("starvation-strict.gang").toString(), "--emit",
                optimisation.toString(), "--max-response", "B", "--horizon", "12");
        assertThat(c.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(optimisation)).contains("(maximize ").contains("(check-sat)");
    }

    @Test
    void theOptimiserReportsTheLargestResponseTimeAndWritesABehaviourReachingIt() throws IOException {
        CliRun r = CliRun.of("smt", SPECS.resolve("starvation-strict.gang").toString(), "--max-response", "B",
                "--out", tmp.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        // Under gang-strict, B waits behind H: released at 2, it starts at 4 at the latest and runs 3 ms.
        assertThat(r.out()).contains("largest response time of B among jobs finishing by 40 ms: 5 ms, optimal");
        Path trace = tmp.resolve("starvation_strict-max-response-B.trace.json");
        assertThat(TraceJson.read(trace).jobs()).anyMatch(j -> j.task().equals("B") && j.finish().isPresent()
                && j.finish().getAsLong() - j.arrival() == 5);
    }

    @Test
    void badRequestsExit64WithTheReason() {
        String spec = SPECS.resolve("starvation-strict.gang").toString();
        assertThat(CliRun.of("smt", spec).exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun property = CliRun.of("smt", spec, "--emit", tmp.resolve("x.smt2").toString(), "--property", "9");
        assertThat(property.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(property.err()).contains("--property must be 1..3");
        CliRun task = CliRun.of("smt", spec, "--max-response", "nobody");
        assertThat(task.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(task.err()).contains("no task nobody");
        assertThat(CliRun.of("check", "--engine", "smt", "--solver-timeout", "0", spec).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    private static Status solve(Path file) throws IOException {
        try (Context ctx = new Context()) {
            BoolExpr[] fs = ctx.parseSMTLIB2String(Files.readString(file), null, null, null, null);
            Solver s = ctx.mkSolver();
            s.add(fs);
            return s.check();
        }
    }
}
