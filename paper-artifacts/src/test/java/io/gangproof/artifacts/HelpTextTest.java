package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * picocli wraps each description string on its own, so a sentence split across two strings is
 * printed cut in the middle (as the command list showed "..., or, with"): every string of every
 * command's --help must be a whole paragraph that ends a sentence.
 */
class HelpTextTest {
    @Test
    void everyHelpParagraphEndsASentence() {
        List<String> cut = new ArrayList<>();
        collect(new CommandLine(new ArtifactsCli()), cut);
        assertThat(cut).as("description strings that end mid-sentence").isEmpty();
    }

    private static void collect(CommandLine command, List<String> cut) {
        List<String> texts = new ArrayList<>(List.of(command.getCommandSpec().usageMessage().description()));
        for (ArgSpec arg : command.getCommandSpec().args()) {
            texts.addAll(List.of(arg.description()));
        }
        for (String t : texts) {
            String s = t.replace("%n", "").strip();
            if (!s.isEmpty() && !(s.endsWith(".") || s.endsWith(")") || s.endsWith(":"))) {
                cut.add(command.getCommandSpec().qualifiedName() + ": " + s);
            }
        }
        command.getSubcommands().values().forEach(c -> collect(c, cut));
    }
}
