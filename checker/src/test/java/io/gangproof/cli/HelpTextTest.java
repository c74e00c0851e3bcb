package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli wraps each description string on its own and starts the next one on a new line,
 * so a sentence split across two strings is printed cut in the middle. Every string of
 * every command's --help must therefore be a whole paragraph: it ends a sentence.
 */
class HelpTextTest {
    @Test
    void everyHelpParagraphEndsASentence() {
        List<String> cut = new ArrayList<>();
        collect(new CommandLine(new GangproofCli()), cut);
        assertThat(cut).as("description strings that end mid-sentence").isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = new CommandLine(new GangproofCli());
        assertThat(root.getSubcommands()).containsKeys("check", "analyze", "simulate", "replay", "model", "smt",
                "fmt");
        for (CommandLine c : root.getSubcommands().values()) {
            assertThat(c.getUsageMessage()).as(c.getCommandName()).contains("Usage: gangproof " + c.getCommandName());
        }
    }

    private static void collect(CommandLine command, List<String> cut) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName();
        for (String d : spec.usageMessage().description()) {
            check(name, d, cut);
        }
        for (ArgSpec arg : spec.args()) {
            for (String d : arg.description()) {
                check(name + " " + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName()
                        : arg.paramLabel()), d, cut);
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, cut);
        }
    }

    private static void check(String where, String text, List<String> cut) {
        String t = text.replace("%n", "").strip();
        if (!t.isEmpty() && !(t.endsWith(".") || t.endsWith(")") || t.endsWith(":"))) {
            cut.add(where + ": " + t);
        }
    }
}
