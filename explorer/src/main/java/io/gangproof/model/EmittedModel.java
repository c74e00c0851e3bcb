package io.gangproof.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ModelEmitter} wrote: Java sources under {@code dir/src}, one JPF configuration
 * per property (in the order of {@code properties}) and a README on running JPF.
 */
public record EmittedModel(Path dir, String mainClass, List<Path> sources, List<Path> jpfConfigs,
        List<String> properties, Path readme) {
    public EmittedModel {
        sources = List.copyOf(sources);
        jpfConfigs = List.copyOf(jpfConfigs);
        properties = List.copyOf(properties);
    }
}
