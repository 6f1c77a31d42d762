package org.hsgd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hsgd.bounds.BoundQuery;
import org.hsgd.report.BoundReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hsgd bound}: the H-SGD bound of one scenario with its sandwich. */
@Command(
    name = "bound",
    mixinStandardHelpOptions = true,
    subcommands = {SweepCommand.class},
    sortOptions = false,
    description = {
      "The worst-case H-SGD bound, with local SGD at P_1 and P_K (the sandwich).",
      "Bounds (1/T) sum_t E|grad f(u_t)|^2 for K-level H-SGD. Periods count iterations. Flags override the keys of --config, which have the same names."
    })
final class BoundCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProblemOptions problemOptions;

  @Mixin ReportOptions reportOptions;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML scenario, keys as the flags below without --")
  Path config;

  @Option(
      names = "--groups",
      paramLabel = "LIST",
      description = "group counts N_1..N_{K-1}, comma list, bottom level first")
  String groups;

  @Option(
      names = "--periods",
      paramLabel = "LIST",
      description = "periods P_1..P_K in iterations, comma list, bottom first")
  String periods;

  @Option(names = "--local-period", paramLabel = "I", description = "two-level alias: P_1 = I")
  String localPeriod;

  @Option(names = "--global-period", paramLabel = "G", description = "two-level alias: P_2 = G")
  String globalPeriod;

  @Option(
      names = "--eps2",
      paramLabel = "LIST",
      description = "divergences eps_1^2..eps_K^2, bottom level first")
  String divergences;

  @Option(
      names = "--eps-down2",
      paramLabel = "NUM",
      description = "two-level alias: downward divergence eps_1^2")
  String downward;

  @Option(
      names = "--eps-up2",
      paramLabel = "NUM",
      description = "two-level alias: upward divergence eps_2^2")
  String upward;

  @Option(
      names = "--eps2-total",
      paramLabel = "NUM",
      description =
          "single-level divergence eps^2 (local SGD; split per level with --random-grouping)")
  String totalDivergence;

  @Option(
      names = "--random-grouping",
      arity = "0..1",
      fallbackValue = "true",
      description = "eps_k^2 = eps2-total (N_{k-1} - N_k)/(n - 1)")
  Boolean randomGrouping;

  @Option(
      names = "--gamma",
      paramLabel = "NUM|optimal",
      description = "step size, or 'optimal' (default): each bound at its own minimiser")
  String gamma;

  @Option(names = "--T", paramLabel = "INT", description = "horizon in iterations")
  String iterations;

  @Option(
      names = "--target",
      paramLabel = "NUM",
      description = "also report the smallest T whose bound reaches this value")
  String target;

  @Option(
      names = "--allow-invalid-step",
      arity = "0..1",
      fallbackValue = "true",
      description = "compute even if gamma > gamma_max (marked: no guarantee)")
  Boolean allowInvalidStep;

  @Override
  public Integer call() {
    Settings settings = Inputs.settings(spec, config, BoundSettings.KEYS);
    BoundQuery query = BoundSettings.read(settings);
    String report = new BoundReport(query, query.evaluate()).render(reportOptions.format);
    reportOptions.emit(spec, report, settings);
    return 0;
  }
}
