package io.gangproof.symbolic.cert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A zone-graph certificate as read from its text (format: docs/symbolic.md §12). Only the
 * syntax is checked here; what the numbers mean is checked by {@link ZoneGraphChecker}.
 */
record ZoneGraphFile(String specName, String specHash, int tasks, List<Prop> props, int initial, List<State> states) {
    static final String MAGIC = "gangproof-zone-graph 1";

    enum Check { DEADLINES, RESPONSE, INVERSION, OVERTAKES, DEADLOCK }

    enum Status { ARRIVED, WAITING, RUNNING }

    /** {@code task} -1: every task. {@code proved}: claimed by the certificate (else it only shapes the states). */
    record Prop(Check check, int task, long bound, boolean proved, String text) {
    }

    record Job(int task, Status status, long held, long lo, long hi, long reload, boolean inverting, int overtakes,
            boolean tie) {
    }

    /** One stored state; {@code successors} maps a step's label to the stored state said to include its result. */
    record State(int id, boolean settled, int lastKey, boolean[] arrived, int[] lastDnn, List<Job> jobs, Zone zone,
            Map<String, Integer> successors) {
    }

    /** Thrown on text that is not a certificate; the message names the line. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    static ZoneGraphFile parse(String text) throws Malformed {
        String[] lines = text.split("\n", -1);
        int[] at = {0};
        try {
            expect(lines, at, MAGIC);
            String name = field(lines, at, "spec ");
            String hash = field(lines, at, "spec-sha256 ");
            int tasks = Integer.parseInt(field(lines, at, "tasks "));
            List<Prop> props = new ArrayList<>();
            while (lines[at[0]].startsWith("property ")) {
                String[] w = lines[at[0]++].split(" ", 6);
                props.add(new Prop(Check.valueOf(w[1]), Integer.parseInt(w[2]), Long.parseLong(w[3]),
                        proved(w[4]), w[5]));
            }
            int count = Integer.parseInt(field(lines, at, "states "));
            int initial = Integer.parseInt(field(lines, at, "initial "));
            List<State> states = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                states.add(state(lines, at, k, tasks));
            }
            expect(lines, at, "end");
            if (at[0] != lines.length - 1 || !lines[at[0]].isEmpty()) {
                throw new Malformed("text after \"end\"");
            }
            return new ZoneGraphFile(name, hash, tasks, List.copyOf(props), initial, List.copyOf(states));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Malformed("line " + (at[0] + 1) + ": " + e.getMessage());
        }
    }

    private static boolean proved(String w) throws Malformed {
        if (!w.equals("proved") && !w.equals("shape")) {
            throw new Malformed("a property is \"proved\" or \"shape\", not \"" + w + "\"");
        }
        return w.equals("proved");
    }

    private static State state(String[] lines, int[] at, int id, int tasks) throws Malformed {
        String[] w = lines[at[0]++].split(" ");
        if (!w[0].equals("state") || Integer.parseInt(w[1]) != id || !w[4].equals("arrived") || !w[6].equals("dnn")
                || w[5].length() != tasks || !(w[2].equals("settled") || w[2].equals("open"))) {
            throw new Malformed("line " + at[0] + ": expected \"state " + id + " settled|open KEY arrived BITS dnn ...\"");
        }
        boolean[] arrived = new boolean[tasks];
        for (int i = 0; i < tasks; i++) {
            arrived[i] = w[5].charAt(i) == '1';
        }
        int[] dnn = new int[w.length - 7];
        for (int k = 0; k < dnn.length; k++) {
            dnn[k] = Integer.parseInt(w[7 + k]);
        }
        List<Job> jobs = new ArrayList<>();
        while (lines[at[0]].startsWith("job ")) {
            String[] j = lines[at[0]++].split(" ");
            jobs.add(new Job(Integer.parseInt(j[1]), Status.valueOf(j[2]), Long.parseLong(j[3]), Long.parseLong(j[4]),
                    Long.parseLong(j[5]), Long.parseLong(j[6]), flag(j[7]), Integer.parseInt(j[8]), flag(j[9])));
        }
        String[] z = lines[at[0]++].split(" ");
        int n = 2 + tasks + 2 * jobs.size();
        if (!z[0].equals("zone") || z.length != 1 + n * n) {
            throw new Malformed("line " + at[0] + ": expected \"zone\" and " + n * n + " bounds");
        }
        long[][] b = new long[n][n];
        for (int k = 0; k < n * n; k++) {
            b[k / n][k % n] = z[1 + k].equals("inf") ? Zone.NONE : Long.parseLong(z[1 + k]);
        }
        Map<String, Integer> succ = new LinkedHashMap<>();
        while (lines[at[0]].startsWith("succ ")) {
            String line = lines[at[0]++];
            int arrow = line.lastIndexOf(" -> ");
            if (arrow < 0 || succ.put(line.substring(5, arrow), Integer.parseInt(line.substring(arrow + 4))) != null) {
                throw new Malformed("line " + at[0] + ": a successor is \"succ STEP -> STATE\", each step once");
            }
        }
        return new State(id, w[2].equals("settled"), Integer.parseInt(w[3]), arrived, dnn, List.copyOf(jobs),
                new Zone(b), succ);
    }

    private static boolean flag(String w) {
        if (!w.equals("0") && !w.equals("1")) {
            throw new IllegalArgumentException("expected 0 or 1, not " + w);
        }
        return w.equals("1");
    }

    private static void expect(String[] lines, int[] at, String line) throws Malformed {
        if (!lines[at[0]].equals(line)) {
            throw new Malformed("line " + (at[0] + 1) + ": expected \"" + line + "\"");
        }
        at[0]++;
    }

    private static String field(String[] lines, int[] at, String prefix) throws Malformed {
        if (!lines[at[0]].startsWith(prefix)) {
            throw new Malformed("line " + (at[0] + 1) + ": expected \"" + prefix.trim() + " ...\"");
        }
        return lines[at[0]++].substring(prefix.length());
    }
}
