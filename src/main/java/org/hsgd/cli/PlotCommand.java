package org.hsgd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hsgd.report.ExperimentFolder;
import org.hsgd.report.FigureFiles;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.Outputs;
import org.hsgd.report.Provenance;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.ResultsFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hsgd plot}: redraws the figures of results on disk, without rerunning anything. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Redraw the figures of results already on disk, without rerunning anything.",
      "Reads the tidy tables that simulate and check wrote (trace.csv; bound-curves.csv and check-bound-validity.csv of a check) and draws the training figure, the divergence figure (of every folder given, one colour per grouping), the bounds and the bound against the measurement, in the paper style the options set; for a study (a folder with points.csv), the figure of each numeric grid key, from its runs.csv."
    })
final class PlotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description =
          "results folders of hsgd simulate, check or import (a folder of such folders: each);"
              + " the first gives the training figure")
  List<Path> folders;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the figures go (default: the first DIR)")
  Path out;

  @Mixin FigureOptions figures;

  @Override
  public Integer call() {
    FigureSettings settings = figures.settings(new Settings(Map.of()));
    Path dir = out != null ? out : folders.get(0);
    Outputs.requireWritableFolder(dir);
    String rerun =
        "./hsgd plot "
            + folders.stream()
                .map(p -> Inputs.shellQuoted(p.toString()))
                .collect(Collectors.joining(" "))
            + " --out "
            + Inputs.shellQuoted(dir.toString())
            + figures.given();
    Map<Path, byte[]> files =
        FigureFiles.of(
            dir,
            ResultsFolders.figures(
                folders.stream().flatMap(f -> ExperimentFolder.experiments(f).stream()).toList(),
                settings),
            settings,
            Provenance.capture(rerun, Map.of()));
    ResultFolder.requireOwnFiles(dir, List.copyOf(files.keySet()));
    Outputs.writeAll(files);
    ResultFolder.adopt(dir, List.copyOf(files.keySet()));
    files.keySet().forEach(p -> spec.commandLine().getOut().println("wrote " + p));
    return 0;
  }
}
