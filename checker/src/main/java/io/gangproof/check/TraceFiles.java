package io.gangproof.check;

import io.gangproof.scheduler.svg.GanttSvg;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceJson;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;

/**
 * Where counterexample traces go: {@code DIR/SYSTEM-pN-PROPERTY.trace.json} (replayable with
 * {@code gangproof replay}) and a Gantt chart of it next to it ({@code .svg}).
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    public static Path write(Path dir, SystemSpec spec, Property property, Trace trace) {
        Path json = dir.resolve(baseName(spec, property) + ".trace.json");
        OutputFiles.write(json, TraceJson.write(trace));
        OutputFiles.write(dir.resolve(baseName(spec, property) + ".svg"), GanttSvg.render(spec, trace));
        return json;
    }

    /** {@code SYSTEM-pN-KIND[-TASK]}: N is the property's position in the spec, so names never clash. */
    static String baseName(SystemSpec spec, Property property) {
        int index = spec.properties().indexOf(property);
        String kind = property.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
        return spec.name() + "-p" + (index + 1) + "-" + kind + property.task().map(t -> "-" + t).orElse("");
    }
}
