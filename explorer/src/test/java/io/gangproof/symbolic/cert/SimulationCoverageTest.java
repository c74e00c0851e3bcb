package io.gangproof.symbolic.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checker's coverage by LU-simulation (docs/symbolic.md §12): its test agrees with the
 * definition on enumerated points, a certificate whose successors are simulated but not included
 * is accepted, and a stored zone shrunk so that a successor is no longer simulated is rejected.
 */
class SimulationCoverageTest {
    private static final int BOX = 40;

    @Test
    void theSimulationTestAgreesWithTheDefinitionOnEveryIntegerPoint() {
        Random r = new Random(7);
        int compared = 0;
        for (int trial = 0; trial < 400; trial++) {
            Zone z = randomZone(r, true);
            Zone other = randomZone(r, false);
            if (z.empty() || other.empty()) {
                continue;
            }
            long[] lo = {0, bound(r), bound(r)};
            long[] up = {0, bound(r), bound(r)};
            LuBounds lu = new LuBounds(lo, up);
            assertThat(z.simulatedBy(other, lu)).as("trial %d", trial).isEqualTo(everyPointSimulated(z, other, lu));
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void aCertificateWhoseSuccessorsAreSimulatedButNotIncludedIsAccepted() {
        SystemSpec spec = Certificates.bundled("coral-dynamic");
        String text = Certificates.of(spec, 100).orElseThrow();
        assertThat(ZoneGraphChecker.check(spec, text).outcome()).isEqualTo(ZoneGraphChecker.Outcome.ACCEPTED);
        assertThat(onlySimulated(spec, text).size()).isPositive();
    }

    @Test
    void aStoredZoneShrunkBelowTheSimulationIsRejected() {
        SystemSpec spec = Certificates.bundled("coral-dynamic");
        String text = Certificates.of(spec, 100).orElseThrow();
        ZoneGraphFile f = parse(text);
        CheckedModel m = new CheckedModel(spec, f.props());
        OneStep step = new OneStep(m, f.props());
        for (int[] pair : onlySimulated(spec, text)) {
            ZoneGraphFile.State s = f.states().get(pair[0]);
            ZoneGraphFile.State target = f.states().get(pair[1]);
            OneStep.Node derived = step.successors(s).values().stream().map(OneStep.Successor::node)
                    .filter(n -> n.sameDiscrete(target) && !n.zone().within(target.zone())).findFirst().orElseThrow();
            LuBounds lu = LuBounds.of(m, f.props(), derived.arrived(), derived.jobs());
            // Raise one lower bound of the stored zone by one tick: the smallest such change that matters.
            for (int x = 1; x < target.zone().size(); x++) {
                Zone shrunk = target.zone().copy();
                shrunk.atLeast(x, -shrunk.b[0][x] + 1);
                shrunk.close();
                if (shrunk.empty() || derived.zone().simulatedBy(shrunk, lu)) {
                    continue;
                }
                String tampered = replaceZone(text, target.id(), shrunk);
                ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(spec, tampered);
                assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
                assertThat(v.reason()).containsAnyOf("is not simulated by stored state", "initial state",
                        "state " + target.id() + ":");
                return;
            }
        }
        throw new AssertionError("no stored zone could be shrunk below its successor's simulation");
    }

    /** Pairs {state, target} with a successor simulated by its target but not included in it. */
    private static List<int[]> onlySimulated(SystemSpec spec, String text) {
        ZoneGraphFile f = parse(text);
        CheckedModel m = new CheckedModel(spec, f.props());
        OneStep step = new OneStep(m, f.props());
        List<int[]> out = new ArrayList<>();
        for (ZoneGraphFile.State s : f.states()) {
            for (Map.Entry<String, OneStep.Successor> e : step.successors(s).entrySet()) {
                ZoneGraphFile.State target = f.states().get(s.successors().get(e.getKey()));
                if (!e.getValue().node().zone().within(target.zone())) {
                    out.add(new int[] {s.id(), target.id()});
                }
            }
        }
        return out;
    }

    private static ZoneGraphFile parse(String text) {
        try {
            return ZoneGraphFile.parse(text);
        } catch (ZoneGraphFile.Malformed e) {
            throw new AssertionError(e);
        }
    }

    private static String replaceZone(String text, int id, Zone z) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int k = 0;
        while (!lines.get(k).startsWith("state " + id + " ")) {
            k++;
        }
        while (!lines.get(k).startsWith("zone ")) {
            k++;
        }
        StringBuilder s = new StringBuilder("zone");
        for (long[] row : z.b) {
            for (long e : row) {
                s.append(' ').append(e == Zone.NONE ? "inf" : Long.toString(e));
            }
        }
        lines.set(k, s.toString());
        return String.join("\n", lines);
    }

    private static long bound(Random r) {
        return r.nextInt(4) == 0 ? LuBounds.ABSENT : r.nextInt(7);
    }

    /** Three clocks (the reference and two), a few random constraints with constants 0..8. */
    private static Zone randomZone(Random r, boolean bounded) {
        long[][] b = new long[3][3];
        for (long[] row : b) {
            Arrays.fill(row, Zone.NONE);
        }
        for (int i = 0; i < 3; i++) {
            b[i][i] = 0;
            b[0][i] = 0;
        }
        Zone z = new Zone(b);
        for (int k = 0; k < 3; k++) {
            int i = r.nextInt(3);
            int j = r.nextInt(3);
            if (i != j) {
                z.bound(i, j, r.nextInt(17) - 8);
            }
        }
        if (bounded) {
            z.atMost(1, 8);
            z.atMost(2, 8);
        }
        return z.close();
    }

    /** The definition: every integer point v of z has a point w of other with w below v only above L, above v only where v is above U. */
    private static boolean everyPointSimulated(Zone z, Zone other, LuBounds lu) {
        for (long v1 = 0; v1 <= 8; v1++) {
            for (long v2 = 0; v2 <= 8; v2++) {
                long[] v = {0, v1, v2};
                if (inside(z, v) && !simulated(other, v, lu)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean simulated(Zone other, long[] v, LuBounds lu) {
        for (long w1 = 0; w1 <= BOX; w1++) {
            for (long w2 = 0; w2 <= BOX; w2++) {
                long[] w = {0, w1, w2};
                if (inside(other, w) && simulates(w, v, lu)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean simulates(long[] w, long[] v, LuBounds lu) {
        for (int x = 1; x < 3; x++) {
            long l = lu.lower()[x];
            long u = lu.upper()[x];
            if (w[x] < v[x] && !(l == LuBounds.ABSENT || w[x] > l)) {
                return false;
            }
            if (w[x] > v[x] && !(u == LuBounds.ABSENT || v[x] > u)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Zone z, long[] v) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (z.b[i][j] != Zone.NONE && v[i] - v[j] > z.b[i][j]) {
                    return false;
                }
            }
        }
        return true;
    }
}
