package io.gangproof.spec.parse;

import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.grammar.GangParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;

/** DNN declarations: sizes, reload times and latency tables, one DNN per name across all files (semantics §3). */
final class DnnResolver {
    private final Diagnostics diag;
    private final Names naming;
    private final Quantities units;

    DnnResolver(Diagnostics diag, Names names, Quantities q) {
        this.diag = diag;
        this.naming = names;
        this.units = q;
    }

    Map<String, Dnn> dnns(List<Located<GangParser.DnnDeclContext>> dnnDecls) {
        Map<String, Dnn> out = new LinkedHashMap<>();
        Map<String, Located<GangParser.DnnDeclContext>> first = new HashMap<>();
        for (Located<GangParser.DnnDeclContext> d : dnnDecls) {
            String name = d.ctx().name.getText();
            if (!naming.checkName(d.file(), d.ctx().name, "DNN")) {
                continue;
            }
            Located<GangParser.DnnDeclContext> earlier = first.putIfAbsent(name, d);
            if (earlier != null) {
                String where = earlier.file().equals(d.file()) ? "on line " + earlier.ctx().name.getLine()
                        : "at " + earlier.file().displayName() + ":" + earlier.ctx().name.getLine();
                diag.error(d.file(), d.ctx().name, "DNN '" + name + "' is declared twice (first " + where + ")", null);
                continue;
            }
            dnn(d.file(), d.ctx()).ifPresent(x -> out.put(name, x));
        }
        return out;
    }

    private Optional<Dnn> dnn(SourceFile f, GangParser.DnnDeclContext d) {
        String name = d.name.getText();
        long size = 0;
        long reload = 0;
        Map<String, Token> seen = new HashMap<>();
        GangParser.DnnLatencyContext single = null;
        List<GangParser.DnnExitContext> exits = new ArrayList<>();
        boolean ok = true;
        for (GangParser.DnnItemContext item : d.dnnItem()) {
            if (item instanceof GangParser.DnnSizeContext s) {
                if (!naming.duplicate(f, seen, "size", s.getStart())) {
                    Optional<Long> b = units.bytes(f, s.quantity());
                    ok &= b.isPresent();
                    size = b.orElse(0L);
                }
            } else if (item instanceof GangParser.DnnReloadContext r) {
                if (!naming.duplicate(f, seen, "reload", r.getStart())) {
                    Optional<Long> t = units.ticks(f, r.quantity());
                    ok &= t.isPresent();
                    reload = t.orElse(0L);
                }
            } else if (item instanceof GangParser.DnnLatencyContext l) {
                if (!naming.duplicate(f, seen, "latency", l.getStart())) {
                    single = l;
                }
            } else {
                exits.add((GangParser.DnnExitContext) item);
            }
        }
        if (single != null && !exits.isEmpty()) {
            diag.error(f, exits.get(0).getStart(), "DNN '" + name + "' has both a `latency` table and exits",
                    "a DNN has one `latency` table, or named `exit` tables if it is dynamic");
            return Optional.empty();
        }
        if (single == null && exits.isEmpty()) {
            diag.error(f, d.name, "DNN '" + name + "' has no latency table", "add `latency { 1: 5 ms }`");
            return Optional.empty();
        }
        List<DnnExit> tables = new ArrayList<>();
        if (single != null) {
            Optional<TreeMap<Integer, Latency>> t = table(f, single.latencyTable(), "DNN '" + name + "'");
            ok &= t.isPresent();
            t.ifPresent(x -> tables.add(new DnnExit(DnnExit.SINGLE, x)));
        }
        Map<String, Token> exitNames = new HashMap<>();
        GangParser.DnnExitContext firstExit = null;
        for (GangParser.DnnExitContext e : exits) {
            if (!naming.checkName(f, e.name, "exit") || !naming.unique(f, exitNames, e.name, "exit")) {
                ok = false;
                continue;
            }
            Optional<TreeMap<Integer, Latency>> t = table(f, e.latencyTable(), "exit '" + e.name.getText() + "'");
            if (t.isEmpty()) {
                ok = false;
                continue;
            }
            if (!tables.isEmpty() && !tables.get(0).table().keySet().equals(t.get().keySet())) {
                diag.error(f, e.name, "exit '" + e.name.getText() + "' has latencies for TPU counts {" + counts(t.get()
                        .keySet()) + "}, but exit '" + firstExit.name.getText() + "' for {" + counts(tables.get(0)
                                .table().keySet()) + "}", "every exit of a DNN needs the same TPU counts");
                ok = false;
                continue;
            }
            if (tables.isEmpty()) {
                firstExit = e;
            }
            tables.add(new DnnExit(e.name.getText(), t.get()));
        }
        if (!ok || tables.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Dnn(name, size, reload, single == null, tables));
    }

    private Optional<TreeMap<Integer, Latency>> table(SourceFile f, GangParser.LatencyTableContext t, String owner) {
        if (t.latencyEntry().isEmpty()) {
            diag.error(f, t.getStart(), "the latency table of " + owner + " is empty",
                    "give at least one entry, e.g. { 1: 5 ms }");
            return Optional.empty();
        }
        TreeMap<Integer, Latency> out = new TreeMap<>();
        boolean ok = true;
        for (GangParser.LatencyEntryContext e : t.latencyEntry()) {
            Optional<Long> k = units.wholeNumber(f, e.tpus, "a TPU count", 1, Resolver.MAX_TPUS);
            Optional<Latency> l = latency(f, e.latencyValue());
            if (k.isEmpty() || l.isEmpty()) {
                ok = false;
            } else if (out.containsKey(k.get().intValue())) {
                diag.error(f, e.tpus, "TPU count " + k.get() + " appears twice in the latency table of " + owner, null);
                ok = false;
            } else {
                out.put(k.get().intValue(), l.get());
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private Optional<Latency> latency(SourceFile f, GangParser.LatencyValueContext v) {
        if (v instanceof GangParser.LatencyExactContext e) {
            Optional<Long> t = units.ticks(f, e.quantity());
            if (t.isPresent() && t.get() < 1) {
                diag.error(f, e.quantity(), "a latency must be at least one tick", null);
                return Optional.empty();
            }
            return t.map(Latency::exactly);
        }
        GangParser.LatencyRangeContext r = (GangParser.LatencyRangeContext) v;
        Token loUnit = r.loUnit != null ? r.loUnit : r.hi.unit;
        Optional<Long> lo = units.ticks(f, r.lo, loUnit, r.lo.getStart(), r.loUnit != null ? r.loUnit : r.lo.getStop());
        Optional<Long> hi = units.ticks(f, r.hi);
        if (lo.isEmpty() || hi.isEmpty()) {
            return Optional.empty();
        }
        if (lo.get() < 1) {
            diag.error(f, r.lo.getStart(), "a latency must be at least one tick", null);
            return Optional.empty();
        }
        if (lo.get() > hi.get()) {
            diag.error(f, r.lo.getStart(), "the best case (" + r.lo.getText() + " " + loUnit.getText()
                    + ") exceeds the worst case (" + r.hi.getText().replace(r.hi.unit.getText(), "") + " "
                    + r.hi.unit.getText() + ")", "write `bcet .. wcet` with bcet <= wcet");
            return Optional.empty();
        }
        return Optional.of(new Latency(lo.get(), hi.get()));
    }

    static String counts(java.util.Collection<Integer> ks) {
        return ks.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
