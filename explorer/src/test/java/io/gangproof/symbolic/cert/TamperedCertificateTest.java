package io.gangproof.symbolic.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A certificate changed in one place no longer proves anything, and the checker must say so:
 * each test changes the engine's (accepted) certificate of a small bundled spec as a cheating or
 * buggy engine might, and expects a rejection naming what is wrong.
 */
class TamperedCertificateTest {
    private static SystemSpec spec;
    private static String original;
    /** A sporadic task makes zones of more than one point here: some bound can be tightened and stay non-empty. */
    private static SystemSpec sporadic;
    private static String sporadicOriginal;

    @BeforeAll
    static void certify() {
        spec = Certificates.bundled("deadlock-free-ascending");
        original = Certificates.of(spec, 20).orElseThrow();
        assertThat(check(original).outcome()).isEqualTo(ZoneGraphChecker.Outcome.ACCEPTED);
        sporadic = Certificates.bundled("starvation-strict");
        sporadicOriginal = Certificates.of(sporadic, 40).orElseThrow();
        assertThat(ZoneGraphChecker.check(sporadic, sporadicOriginal).outcome())
                .isEqualTo(ZoneGraphChecker.Outcome.ACCEPTED);
    }

    private static ZoneGraphChecker.Verdict check(String text) {
        return ZoneGraphChecker.check(spec, text);
    }

    private static List<String> lines() {
        return lines(original);
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    /** The index of the line "state ID ...". */
    private static int stateLine(List<String> lines, int id) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("state " + id + " ")) {
                return k;
            }
        }
        throw new AssertionError("no state " + id);
    }

    private static int count(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("states ")).map(l -> Integer.parseInt(l.substring(7)))
                .findFirst().orElseThrow();
    }

    private static int zoneLine(List<String> lines, int state) {
        int k = stateLine(lines, state) + 1;
        while (!lines.get(k).startsWith("zone ")) {
            k++;
        }
        return k;
    }

    private static Zone zone(String line) {
        String[] w = line.split(" ");
        int n = (int) Math.round(Math.sqrt(w.length - 1));
        long[][] b = new long[n][n];
        for (int k = 0; k < n * n; k++) {
            b[k / n][k % n] = w[1 + k].equals("inf") ? Zone.NONE : Long.parseLong(w[1 + k]);
        }
        return new Zone(b);
    }

    private static String line(Zone z) {
        StringBuilder s = new StringBuilder("zone");
        for (long[] row : z.b) {
            for (long e : row) {
                s.append(' ').append(e == Zone.NONE ? "inf" : Long.toString(e));
            }
        }
        return s.toString();
    }

    @Test
    void aRemovedZoneIsMissed() {
        List<String> lines = lines();
        int last = count(lines) - 1;
        int from = stateLine(lines, last);
        int to = lines.indexOf("end");
        lines.subList(from, to).clear();
        lines.replaceAll(l -> l.equals("states " + (last + 1)) ? "states " + last
                : l.endsWith(" -> " + last) ? l.substring(0, l.length() - String.valueOf(last).length()) + "0"
                : l.equals("initial " + last) ? "initial 0" : l);
        ZoneGraphChecker.Verdict v = check(String.join("\n", lines));
        assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
        assertThat(v.reason()).containsAnyOf("is not simulated by", "initial state");
    }

    @Test
    void aTightenedBoundNoLongerCoversItsSuccessor() {
        List<String> lines = lines(sporadicOriginal);
        // A state alone with its discrete part: no other zone can cover what the tightening removes.
        Map<String, List<Integer>> byDiscrete = new HashMap<>();
        for (int id = 0; id < count(lines); id++) {
            int k = stateLine(lines, id);
            StringBuilder key = new StringBuilder(lines.get(k).substring(lines.get(k).indexOf(' ', 6)));
            for (int j = k + 1; lines.get(j).startsWith("job "); j++) {
                key.append('|').append(lines.get(j));
            }
            byDiscrete.computeIfAbsent(key.toString(), x -> new ArrayList<>()).add(id);
        }
        for (List<Integer> ids : byDiscrete.values()) {
            int id = ids.get(0);
            Zone z = zone(lines.get(zoneLine(lines, id)));
            int n = z.size();
            // the largest clock of the layout: the last job's phase or age clock; tighten its finite upper bound
            for (int x = n - 1; ids.size() == 1 && x >= 2; x--) {
                long max = z.b[x][0];
                long min = -z.b[0][x];
                if (max != Zone.NONE && max > min) {
                    Zone t = z.copy();
                    t.atMost(x, max - 1);
                    t.close();
                    lines.set(zoneLine(lines, id), line(t));
                    ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(sporadic, String.join("\n", lines));
                    assertThat(v.outcome()).as("state %d clock %d", id, x).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
                    // Either a predecessor's successor is no longer included, or the smaller zone lost a successor.
                    assertThat(v.reason()).containsAnyOf("is not simulated by stored state " + id, "state " + id + ":");
                    return;
                }
            }
        }
        throw new AssertionError("no state with a bound to tighten");
    }

    @Test
    void aSuccessorPointingAtAStateThatDoesNotIncludeItIsRejected() {
        List<String> lines = lines();
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k);
            if (l.startsWith("succ dispatch")) {
                int arrow = l.lastIndexOf(" -> ");
                int target = Integer.parseInt(l.substring(arrow + 4));
                lines.set(k, l.substring(0, arrow) + " -> " + (target == 0 ? 1 : 0));
                ZoneGraphChecker.Verdict v = check(String.join("\n", lines));
                assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
                assertThat(v.reason()).contains("is not simulated by stored state");
                return;
            }
        }
        throw new AssertionError("no dispatch successor");
    }

    @Test
    void aMissingSuccessorIsRejected() {
        List<String> lines = lines();
        int k = lines.size() - 1;
        while (!lines.get(k).startsWith("succ ")) {
            k--;
        }
        String removed = lines.remove(k);
        ZoneGraphChecker.Verdict v = check(String.join("\n", lines));
        assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
        assertThat(v.reason()).contains(removed.substring(5, removed.lastIndexOf(" -> "))).contains("is missing");
    }

    @Test
    void anAddedViolatingStateIsRejected() {
        List<String> lines = lines();
        int n = count(lines);
        for (int id = 0; id < n; id++) {
            int k = stateLine(lines, id);
            if (lines.get(k).contains(" settled ") && lines.get(k + 1).startsWith("job ")) {
                List<String> copy = new ArrayList<>();
                copy.add(lines.get(k).replaceFirst("state " + id + " ", "state " + n + " "));
                int z = zoneLine(lines, id);
                copy.addAll(lines.subList(k + 1, z));
                Zone zone = zone(lines.get(z));
                int age = 2 + spec.tasks().size();
                // the first job's age without an upper bound: it may stay unfinished past its deadline
                for (int j = 0; j < zone.size(); j++) {
                    if (j != age) {
                        zone.b[age][j] = Zone.NONE;
                    }
                }
                zone.close();
                copy.add(line(zone));
                lines.addAll(lines.indexOf("end"), copy);
                lines.replaceAll(l -> l.equals("states " + n) ? "states " + (n + 1) : l);
                ZoneGraphChecker.Verdict v = check(String.join("\n", lines));
                assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
                assertThat(v.reason()).startsWith("state " + n + " violates deadlines");
                return;
            }
        }
        throw new AssertionError("no settled state with a job");
    }

    @Test
    void anotherSpecIsRejected() {
        SystemSpec other = Certificates.bundled("timing-anomaly");
        ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(other, original);
        assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
        assertThat(v.reason()).contains("another spec");
    }

    @Test
    void textThatIsNoCertificateIsRejected() {
        ZoneGraphChecker.Verdict v = check(original.replace("zone ", "zone 1 "));
        assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
        assertThat(v.reason()).startsWith("not a zone-graph certificate");
    }

    @Test
    void aJobHoldingWhatItCannotHoldIsRejected() {
        String forged = original.replaceFirst("\njob (\\d+) WAITING 0 ", "\njob $1 WAITING 1 ");
        assertThat(forged).isNotEqualTo(original);
        ZoneGraphChecker.Verdict v = check(forged);
        assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
    }

    @Test
    void aBoundThatOverflowsIsRejected() {
        List<String> lines = lines();
        int z = 0;
        while (!(lines.get(z).startsWith("zone ") && lines.get(z).contains(" inf"))) {
            z++;
        }
        lines.set(z, lines.get(z).replaceFirst(" inf", " " + (Long.MAX_VALUE - 1)));
        ZoneGraphChecker.Verdict v = check(String.join("\n", lines));
        assertThat(v.outcome()).isEqualTo(ZoneGraphChecker.Outcome.REJECTED);
    }
}
