package org.hsgd.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hsgd.InvalidInputException;
import org.hsgd.bounds.SandwichResult;
import org.hsgd.figure.FigureRenderer;
import org.hsgd.report.BoundReport;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.Lines;
import org.hsgd.report.Outputs;
import org.hsgd.report.Provenance;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.SweepReport;
import org.hsgd.report.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hsgd bound sweep}: the sandwich over one parameter, as CSV, plot and manifest. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "The sandwich over one swept parameter, as CSV, plot and manifest.",
      "Evaluates local SGD with P_1, H-SGD and local SGD with P_K over one parameter given as a list or range in the config's sweep: block, and writes <name>.csv, <name>.tex (a LaTeX table), <name>.png/.svg/.pdf and <name>.manifest.json."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "YAML scenario with a sweep: block")
  Path config;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default: results/<config name>)")
  Path out;

  @Mixin FigureOptions figures;

  @Override
  public Integer call() {
    Set<String> keys = new HashSet<>(BoundSettings.KEYS);
    keys.add("sweep");
    keys.add("figures");
    Settings settings = Settings.load(config, keys);
    Sweep sweep = Sweep.of(settings);
    FigureSettings figureSettings = figures.settings(settings);
    String name = Inputs.baseName(config);
    Path dir = out != null ? out : Path.of("results", name);
    ResultFolder.requireAvailable(dir, owner(name));
    double[] values = sweep.values().stream().mapToDouble(Double::doubleValue).toArray();
    List<SandwichResult> results = new ArrayList<>(values.length);
    boolean randomGrouping = false;
    int levels = 0;
    for (double value : values) {
      try {
        var query = BoundSettings.read(sweep.apply(settings, value));
        randomGrouping |= query.scenario().divergences().randomGrouping();
        levels = query.scenario().hierarchy().levelCount();
        results.add(query.evaluate());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(
            "sweep",
            "must give a valid scenario at every point",
            sweep.parameter() + "=" + value + " (" + e.getMessage() + ")");
      }
    }
    SweepReport report = new SweepReport(sweep.parameter(), values, results, sweep.kind(), levels);
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(
        dir.resolve(name + ".csv"), Tables.csv(report.table()).getBytes(StandardCharsets.UTF_8));
    files.put(
        dir.resolve(name + ".tex"),
        (Tables.commented(List.of()) + report.paper().latex("tab:hsgd-" + name))
            .getBytes(StandardCharsets.UTF_8));
    files.putAll(FigureRenderer.files(report.figure(name), dir, figureSettings.style()));
    List<String> written = files.keySet().stream().map(Path::toString).toList();
    String rerun =
        "./hsgd bound sweep --config "
            + Inputs.shellQuoted(config.toString())
            + " --out "
            + Inputs.shellQuoted(dir.toString());
    Map<String, Object> manifest = Provenance.capture(rerun, settings.asMap()).manifest(written);
    files.put(
        dir.resolve(name + ".manifest.json"),
        Outputs.json(manifest).getBytes(StandardCharsets.UTF_8));
    boolean replaced = ResultFolder.publish(dir, owner(name), files);

    var stdout = spec.commandLine().getOut();
    if (replaced) {
      stdout.println("replaced the earlier results of this sweep in " + dir);
    }
    stdout.printf(
        "swept %s over %d values: sandwich %s%n",
        sweep.parameter(),
        values.length,
        report.violations() == 0
            ? "holds at every point"
            : "FAILS at " + report.violations() + " point(s)");
    if (randomGrouping) {
      stdout.println(Lines.fit("note: " + BoundReport.RANDOM_GROUPING_NOTE));
    }
    files.keySet().forEach(p -> stdout.println("wrote " + p));
    return 0;
  }

  /** Whose results a sweep's folder holds. */
  private static String owner(String name) {
    return "sweep '" + name + "'";
  }
}
