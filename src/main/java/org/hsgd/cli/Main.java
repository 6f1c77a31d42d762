package org.hsgd.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.hsgd.InvalidInputException;
import org.hsgd.experiment.EngineFailure;
import org.hsgd.report.Provenance;
import org.hsgd.sim.DivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code hsgd} command. Exit codes: 0 success, 2 invalid input, 1 anything else. */
@Command(
    name = "hsgd",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {
      BoundCommand.class,
      PlanCommand.class,
      SimulateCommand.class,
      CheckCommand.class,
      ImportCommand.class,
      PlotCommand.class
    },
    description = "Convergence bounds and simulations of hierarchical SGD (H-SGD) and local SGD.")
public final class Main implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli =
        new CommandLine(new Main())
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setOverwrittenOptionsAllowed(
                true); // the last of a repeated flag wins, as in most tools
    cli.setParameterExceptionHandler(
        (e, given) -> {
          String command = e.getCommandLine().getCommandSpec().qualifiedName();
          err.println(command + ": " + e.getMessage() + " (see " + command + " --help)");
          return ExitCodes.INVALID_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          String name = command.getCommandSpec().qualifiedName();
          if (e instanceof InvalidInputException invalid) {
            err.println(name + ": " + e.getMessage() + ExitCodes.remedy(invalid.remedy()));
            return ExitCodes.INVALID_INPUT;
          }
          if (e instanceof DivergedException) { // the step size is too large for the problem
            err.println(name + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
          }
          if (e instanceof EngineFailure) { // one line; what finished is kept for a rerun
            err.println(
                name
                    + ": "
                    + e.getMessage()
                    + " (HSGD_JAVA_OPTS=-Dhsgd.spark.log=error shows the engine's own lines)");
            debug(e, err);
            return 1;
          }
          if (e instanceof UncheckedIOException) {
            err.println(name + ": " + e.getMessage());
            debug(e, err);
            return 1;
          }
          String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
          err.println(name + ": internal error (HSGD_DEBUG=1 prints the details): " + first);
          debug(e, err);
          return 1;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "hsgd: out of memory; give the JVM more (HSGD_JAVA_OPTS=-Xmx<size>, now "
              + Runtime.getRuntime().maxMemory() / (1L << 20)
              + " MiB) or shrink the run");
      code = 1;
    } catch (Error e) { // the last resort: one line, whatever went wrong
      err.println(
          "hsgd: internal error (HSGD_DEBUG=1 prints the details): "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      debug(e, err);
      code = 1;
    }
    out.flush();
    err.flush();
    return code;
  }

  private static void debug(Throwable e, PrintWriter err) {
    if (System.getenv("HSGD_DEBUG") != null) {
      e.printStackTrace(err);
    }
  }

  /** The version from the jar's Maven metadata. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hsgd " + Provenance.version()};
    }
  }
}
