package dev.clusterlab.runner.cli;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.PluginFailure;
import dev.clusterlab.host.Printable;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the picocli command tree with the exit-code policy: a user's mistake prints one clear
 * message and exits 2, never a stack trace; anything else is an internal error, exit 3, with the stack
 * trace only when {@code CLUSTERLAB_DEBUG} is set.
 */
public final class CommandLineFactory {
    /** Exit code for a mistake in the user's input. */
    public static final int USER_ERROR = 2;
    /** Exit code for a run or a plugin that failed (the plugin named), or a JVM out of memory. */
    public static final int RUN_FAILED = 1;
    /** Exit code for a bug. */
    public static final int INTERNAL_ERROR = 3;

    private CommandLineFactory() {
    }

    /**
     * @param out results stream
     * @param err progress and error stream
     * @return the configured command line
     */
    public static CommandLine create(java.io.PrintStream out, java.io.PrintStream err) {
        Streams io = new Streams(out, err);
        CommandLine cl = new CommandLine(new ClusterLabCommand())
                .addSubcommand(new RunCommand(io))
                .addSubcommand(new ClusterCommand(io))
                .addSubcommand(new AssignCommand(io))
                .addSubcommand(new PredictCommand(io))
                .addSubcommand(new ValidateCommand(io))
                .addSubcommand(new ListCommand(io))
                .addSubcommand(new CommandLine(new PluginsCommand(io))
                        .addSubcommand(new PluginManageCommands.Install(io))
                        .addSubcommand(new PluginManageCommands.Search(io))
                        .addSubcommand(new PluginManageCommands.Uninstall(io))
                        .addSubcommand(new PluginManageCommands.Enable(io))
                        .addSubcommand(new PluginManageCommands.Disable(io)))
                .addSubcommand(new EnvCommand(io))
                .addSubcommand(new AfterExit(io));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionStrategy(parseResult -> {
            if (!parseResult.hasSubcommand() && !parseResult.isUsageHelpRequested() && !parseResult.isVersionHelpRequested()) {
                cl.usage(out);
                return 0;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserInputException || ex instanceof CommandLine.ParameterException) {
                err.println("error: " + Printable.message(ex.getMessage()));
                return USER_ERROR;
            }
            if (ex instanceof PluginFailure) { // the plugin's bug, not ours: named, no stack trace
                err.println("error: " + Printable.message(ex.getMessage()));
                return RUN_FAILED;
            }
            err.println("internal error: " + ex + " (set CLUSTERLAB_DEBUG=1 to see where; please report it)");
            if (System.getenv("CLUSTERLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        return cl;
    }
}
