package io.gangproof.symbolic;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the closed zone graph of a search as a certificate (docs/symbolic.md §12): every
 * stored state (discrete part and zone), the state covering the initial state, and for every
 * stored state each successor with the stored state that simulates it (LU-simulation, §5). States are sorted by
 * discrete part and zone, so the same spec gives the same bytes. The engine's job ends here:
 * {@code io.gangproof.symbolic.cert} re-checks the file with code of its own.
 */
final class ZoneGraphCertificate {
    static final String MAGIC = "gangproof-zone-graph 1";

    private ZoneGraphCertificate() {
    }

    /** The SHA-256 of the spec as written without its properties (they are listed one by one). */
    static String specHash(SystemSpec spec) {
        SystemSpec system = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), spec.tasks(),
                spec.scheduler(), List.of(), spec.exploration());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(SpecWriter.write(system).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code proved[k]}: whether property {@code k} of the search is claimed; the others only shape the states. */
    static String write(SymbolicSpec s, ZoneGraphSearch search, boolean[] proved) {
        List<ZoneGraphSearch.Node> nodes = new ArrayList<>();
        for (List<ZoneGraphSearch.Node> same : search.passed.values()) {
            for (ZoneGraphSearch.Node n : same) {
                if (!n.retired) {
                    nodes.add(n);
                }
            }
        }
        nodes.sort((a, b) -> {
            int c = Arrays.compare(a.state.key().value(), b.state.key().value());
            return c != 0 ? c : Arrays.compare(entries(a.state.zone), entries(b.state.zone));
        });
        Map<ZoneGraphSearch.Node, Integer> id = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            id.put(nodes.get(i), i);
        }
        StringBuilder out = new StringBuilder(1 << 16);
        out.append(MAGIC).append('\n');
        out.append("spec ").append(s.spec.name()).append('\n');
        out.append("spec-sha256 ").append(specHash(s.spec)).append('\n');
        out.append("tasks ").append(s.tasks).append('\n');
        for (int k = 0; k < s.props.size(); k++) {
            SymbolicSpec.Prop p = s.props.get(k);
            out.append("property ").append(p.check()).append(' ').append(p.task()).append(' ').append(p.bound())
                    .append(' ').append(proved[k] ? "proved" : "shape").append(' ')
                    .append(SpecWriter.describe(s.spec, p.property())).append('\n');
        }
        out.append("states ").append(nodes.size()).append('\n');
        SymbolicState init = search.transitions().initial();
        out.append("initial ").append(id.get(cover(search, init, search.extrapolate(init)))).append('\n');
        for (ZoneGraphSearch.Node n : nodes) {
            state(out, id.get(n), n.state);
            for (Transitions.Successor succ : search.transitions().successors(n.state)) {
                long[][] lu = search.extrapolate(succ.state());
                if (succ.state().zone.isEmpty()) {
                    continue;
                }
                out.append("succ ").append(step(succ.step())).append(" -> ").append(id.get(cover(search,
                        succ.state(), lu))).append('\n');
            }
        }
        out.append("end\n");
        return out.toString();
    }

    /** The stored state that simulates {@code st} under the bounds {@code lu} = {lower, upper} of its discrete part. */
    private static ZoneGraphSearch.Node cover(ZoneGraphSearch search, SymbolicState st, long[][] lu) {
        for (ZoneGraphSearch.Node n : search.passed.getOrDefault(st.key(), List.of())) {
            if (!n.retired && st.zone.simulatedBy(n.state.zone, lu[0], lu[1])) {
                return n;
            }
        }
        throw new IllegalStateException("symbolic engine: a successor is simulated by no stored state,"
                + " although the zone graph closed");
    }

    private static void state(StringBuilder out, int id, SymbolicState st) {
        out.append("state ").append(id).append(st.settled ? " settled " : " open ").append(st.lastKey)
                .append(" arrived ");
        for (boolean a : st.arrived) {
            out.append(a ? '1' : '0');
        }
        out.append(" dnn");
        for (int d : st.lastDnn) {
            out.append(' ').append(d);
        }
        out.append('\n');
        for (Job j : st.jobs) {
            out.append("job ").append(j.task()).append(' ').append(j.status()).append(' ').append(j.held())
                    .append(' ').append(j.lo()).append(' ').append(j.hi()).append(' ').append(j.reload())
                    .append(' ').append(j.inverting() ? 1 : 0).append(' ').append(j.overtakes())
                    .append(' ').append(j.tie() ? 1 : 0).append('\n');
        }
        out.append("zone");
        for (long e : entries(st.zone)) {
            out.append(' ').append(e >= Dbm.INF ? "inf" : Long.toString(e));
        }
        out.append('\n');
    }

    private static long[] entries(Dbm zone) {
        int n = zone.dimension();
        long[] e = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                e[i * n + j] = zone.get(i, j);
            }
        }
        return e;
    }

    private static String step(Step step) {
        if (step instanceof Step.Complete c) {
            return "complete " + c.pos();
        }
        if (step instanceof Step.Arrive a) {
            return "arrive " + a.task() + " " + a.pos() + " " + (a.tiePrev() ? 1 : 0) + " " + (a.tieNext() ? 1 : 0);
        }
        if (step instanceof Step.Release r) {
            return "release " + r.pos();
        }
        StringBuilder b = new StringBuilder("dispatch");
        for (int c : ((Step.Dispatch) step).choice()) {
            b.append(' ').append(c);
        }
        return b.toString();
    }
}
