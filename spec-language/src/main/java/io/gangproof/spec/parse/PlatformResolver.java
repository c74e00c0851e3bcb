package io.gangproof.spec.parse;

import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.grammar.GangParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** The platform (TPUs, cache, pipelines) and the scheduler, and their placement rules (semantics §2). */
final class PlatformResolver {
    private static final long DEFAULT_CACHE_BYTES = 8L << 20;

    private final Diagnostics diag;
    private final Names naming;
    private final Quantities units;

    PlatformResolver(Diagnostics diag, Names names, Quantities q) {
        this.diag = diag;
        this.naming = names;
        this.units = q;
    }

    Optional<Platform> platform(SourceFile f, GangParser.PlatformDeclContext p) {
        Integer tpus = null;
        long cache = DEFAULT_CACHE_BYTES;
        List<GangParser.PlatformPipelineContext> pipes = new ArrayList<>();
        Map<String, Token> seen = new HashMap<>();
        for (GangParser.PlatformItemContext item : p.platformItem()) {
            if (item instanceof GangParser.PlatformTpusContext t) {
                if (naming.duplicate(f, seen, "tpus", t.getStart())) {
                    continue;
                }
                Optional<Long> n = units.wholeNumber(f, t.count, "the number of TPUs", 1, Resolver.MAX_TPUS);
                if (n.isPresent()) {
                    tpus = n.get().intValue();
                }
            } else if (item instanceof GangParser.PlatformCacheContext c) {
                if (!naming.duplicate(f, seen, "cache", c.getStart())) {
                    cache = units.bytes(f, c.quantity()).orElse(cache);
                }
            } else {
                pipes.add((GangParser.PlatformPipelineContext) item);
            }
        }
        if (tpus == null) {
            if (!seen.containsKey("tpus")) {
                diag.error(f, p.getStart(), "the platform does not say how many TPUs it has", "add `tpus 4`");
            }
            return Optional.empty();
        }
        List<Pipeline> pipelines = new ArrayList<>();
        Map<String, Token> names = new HashMap<>();
        for (GangParser.PlatformPipelineContext pipe : pipes) {
            if (!naming.checkName(f, pipe.name, "pipeline") || !naming.unique(f, names, pipe.name, "pipeline")) {
                continue;
            }
            Optional<List<Integer>> list = tpuList(f, pipe.tpuList(), tpus, "pipeline '" + pipe.name.getText() + "'");
            list.ifPresent(l -> pipelines.add(new Pipeline(pipe.name.getText(), l)));
        }
        return Optional.of(new Platform(tpus, cache, pipelines));
    }

    /** A non-empty list of distinct TPU indices, each in {@code 0..m-1}. */
    Optional<List<Integer>> tpuList(SourceFile f, GangParser.TpuListContext list, int m, String owner) {
        if (list.INT().isEmpty()) {
            diag.error(f, list.getStart(), owner + " lists no TPU", "list at least one TPU index, e.g. [0, 1]");
            return Optional.empty();
        }
        List<Integer> out = new ArrayList<>();
        boolean ok = true;
        for (TerminalNode n : list.INT()) {
            Optional<Long> v = units.wholeNumber(f, n.getSymbol(), "a TPU index", 0, Long.MAX_VALUE);
            if (v.isEmpty()) {
                ok = false;
            } else if (v.get() >= m) {
                diag.error(f, n.getSymbol(), "TPU " + v.get() + " is out of range: the platform has TPUs 0.."
                        + (m - 1), null);
                ok = false;
            } else if (out.contains(v.get().intValue())) {
                diag.error(f, n.getSymbol(), "TPU " + v.get() + " appears twice in " + owner, null);
                ok = false;
            } else {
                out.add(v.get().intValue());
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    Optional<Scheduler> scheduler(SourceFile f, GangParser.SchedulerDeclContext s) {
        Optional<Placement> placement = naming.keyword(f, s.placement.getStart(), Placement.values(), Placement::keyword, "placement");
        Optional<Policy> policy = naming.keyword(f, s.policy.getStart(), Policy.values(), Policy::keyword, "policy");
        Optional<Protocol> protocol = s.protocol == null ? Optional.of(Protocol.GANG_STRICT)
                : naming.keyword(f, s.protocol.getStart(), Protocol.values(), Protocol::keyword, "locking protocol");
        if (placement.isEmpty() || policy.isEmpty() || protocol.isEmpty()) {
            return Optional.empty();
        }
        if (protocol.get().perTpu() && placement.get() == Placement.GLOBAL) {
            diag.error(f, s.protocol.getStart(), "the " + protocol.get().keyword() + " protocol needs pinned TPUs",
                    "use `scheduler pinned " + policy.get().keyword() + " with " + protocol.get().keyword()
                            + "` and give every task `pinned [...]`");
            return Optional.empty();
        }
        return Optional.of(new Scheduler(placement.get(), policy.get(), protocol.get()));
    }

    /** Pipelines must be pairwise disjoint under partitioned placement (semantics §2). */
    void checkPlacement(SourceFile f, GangParser.PlatformDeclContext platformDecl,
            GangParser.SchedulerDeclContext schedDecl, Platform platform, Scheduler scheduler) {
        if (scheduler.placement() != Placement.PARTITIONED) {
            return;
        }
        Map<Integer, String> owner = new HashMap<>();
        for (GangParser.PlatformItemContext item : platformDecl.platformItem()) {
            if (!(item instanceof GangParser.PlatformPipelineContext pipe)) {
                continue;
            }
            Optional<Pipeline> p = platform.pipeline(pipe.name.getText());
            if (p.isEmpty()) {
                continue;
            }
            for (int tpu : p.get().tpus()) {
                String other = owner.putIfAbsent(tpu, p.get().name());
                if (other != null && !other.equals(p.get().name())) {
                    diag.error(f, pipe.name, "pipelines '" + other + "' and '" + p.get().name() + "' overlap on TPU "
                            + tpu, "partitioned placement needs disjoint pipelines; use `scheduler pinned ...` "
                                    + "for overlapping ones");
                    break;
                }
            }
        }
    }
}
