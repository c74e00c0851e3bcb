package io.gangproof.artifacts;

import io.gangproof.spec.Fraction;
import java.util.ArrayList;
import java.util.List;

/**
 * The two CSVs of the tightness study. {@code NAME-acceptance.csv}: per (point, scheduler, test),
 * of the sets the explorer proves schedulable, how many the test accepts (exact counts, the ratio
 * as an exact fraction to 4 decimals, its 95% Wilson interval for display). {@code any-test} is
 * the union of the scheduler's plain tests (the best the registry does); the {@code +assigned}
 * series counts the sets whose priorities {@code GlobalPriorityAssignment} finds, and
 * {@code beyond_exact} the sets it accepts although the explorer finds a miss (or no answer) with
 * the generated priorities. {@code NAME-pessimism.csv}: per (scheduler, test, point) the
 * distribution of bound / exact worst-case response over every task of an exactly schedulable
 * set that the test bounds, nearest-rank quantiles of exact fractions; point {@code all} pools
 * the points.
 */
public final class TightnessCsv {
    public static final String ANY = "any-test";

    private TightnessCsv() {
    }

    static String header(Experiment e) {
        return "# study=" + e.name() + " seed=" + e.seed() + " tpus=" + e.tpus() + " tasks=" + e.minTasks() + ".."
                + e.maxTasks() + " samplesPerPoint=" + e.samplesPerPoint() + " size=" + e.size() + " definition="
                + e.definitionDigest() + " tool=gangproof-artifacts/" + Csv.version() + " format=1\n";
    }

    public static String acceptance(Experiment e, List<TightnessStudy.Variant> variants,
            List<TightnessStudy.SetRecord> records) {
        StringBuilder b = new StringBuilder(header(e));
        b.append("# ratio = accepted / exact_accepted: of the sets the exact explorer proves schedulable under the "
                + "scheduler, the share the test accepts; ci_low, ci_high = its 95% Wilson interval (display only)\n");
        b.append("point,scheduler,test,samples,exact_accepted,exact_unknown,accepted,ratio,ci_low,ci_high,"
                + "beyond_exact\n");
        for (int p = 0; p < e.points().size(); p++) {
            for (int v = 0; v < variants.size(); v++) {
                List<String> names = new ArrayList<>(TightnessStudy.seriesNames(variants.get(v)));
                int plain = variants.get(v).tests().size();
                names.add(ANY);
                for (int s = 0; s < names.size(); s++) {
                    long samples = 0, exact = 0, unknown = 0, accepted = 0, beyond = 0;
                    for (TightnessStudy.SetRecord r : records) {
                        if (r.bin() != p) {
                            continue;
                        }
                        TightnessStudy.VariantRecord vr = r.variants().get(v);
                        samples++;
                        boolean yes = s < names.size() - 1 ? vr.tests().get(s).accepted()
                                : vr.tests().subList(0, plain).stream().anyMatch(TightnessStudy.TestOutcome::accepted);
                        if (vr.exact() == Outcome.ACCEPTED) {
                            exact++;
                            accepted += yes ? 1 : 0;
                        } else {
                            unknown += vr.exact() == Outcome.UNKNOWN ? 1 : 0;
                            beyond += yes ? 1 : 0;
                        }
                    }
                    b.append(e.points().get(p).toPlainString()).append(',').append(variants.get(v).id()).append(',')
                            .append(names.get(s)).append(',').append(samples).append(',').append(exact).append(',')
                            .append(unknown).append(',').append(accepted).append(',');
                    if (exact == 0) {
                        b.append(",,");
                    } else {
                        WilsonInterval ci = WilsonInterval.of95(accepted, exact);
                        b.append(Fraction.of(accepted, exact).toDecimal(4)).append(',')
                                .append(String.format(java.util.Locale.ROOT, "%.4f,%.4f", ci.low(), ci.high()));
                    }
                    b.append(',').append(beyond).append('\n');
                }
            }
        }
        return b.toString();
    }

    public static String pessimism(Experiment e, List<TightnessStudy.Variant> variants,
            List<TightnessStudy.SetRecord> records) {
        StringBuilder b = new StringBuilder(header(e));
        b.append("# ratio = response bound of the test / exact worst-case response (explorer), per task of a set the "
                + "explorer proves schedulable and the test bounds; exact = tasks with ratio 1\n");
        b.append("scheduler,test,point,tasks,min,p25,median,p75,p90,max,mean,exact\n");
        for (int v = 0; v < variants.size(); v++) {
            int plain = variants.get(v).tests().size();
            for (int t = 0; t < plain; t++) {
                for (int p = -1; p < e.points().size(); p++) {
                    List<Fraction> ratios = new ArrayList<>();
                    for (TightnessStudy.SetRecord r : records) {
                        if (p >= 0 && r.bin() != p) {
                            continue;
                        }
                        TightnessStudy.VariantRecord vr = r.variants().get(v);
                        long[] bounds = vr.tests().get(t).bounds();
                        for (int i = 0; i < bounds.length; i++) {
                            if (bounds[i] >= 0 && vr.exactResponse()[i] > 0) {
                                ratios.add(Fraction.of(bounds[i], vr.exactResponse()[i]));
                            }
                        }
                    }
                    b.append(variants.get(v).id()).append(',').append(variants.get(v).tests().get(t).name()).append(',')
                            .append(p < 0 ? "all" : e.points().get(p).toPlainString()).append(',')
                            .append(ratios.size());
                    ratios.sort(null);
                    if (ratios.isEmpty()) {
                        b.append(",,,,,,,,0\n");
                        continue;
                    }
                    Fraction sum = Fraction.ZERO;
                    long exact = 0;
                    for (Fraction f : ratios) {
                        sum = sum.plus(f);
                        exact += f.compareTo(Fraction.of(1, 1)) == 0 ? 1 : 0;
                    }
                    for (int[] q : new int[][] {{0, 1}, {1, 4}, {1, 2}, {3, 4}, {9, 10}, {1, 1}}) {
                        b.append(',').append(rank(ratios, q[0], q[1]).toDecimal(4));
                    }
                    b.append(',').append(sum.dividedBy(ratios.size()).toDecimal(4)).append(',').append(exact)
                            .append('\n');
                }
            }
        }
        return b.toString();
    }

    /** The nearest-rank quantile {@code num/den} of sorted {@code xs} (the least element for 0). */
    static Fraction rank(List<Fraction> xs, int num, int den) {
        long k = Math.max(1, ((long) num * xs.size() + den - 1) / den);
        return xs.get((int) k - 1);
    }
}
