// Figure (c): H-SGD's measured upward and downward divergences over time on MNIST, group-IID
// against group-non-IID grouping (same data, start, step size and seeds).
// Run from the repository root (after ./hsgd has built the jar and fetched MNIST once):
//   jshell --class-path target/hsgd.jar notebooks/figure-divergences.jsh
// Writes results/notebooks/divergences/: divergences.{pdf,svg,png}, trace.csv, figures.manifest.json.
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.experiment.*;
import org.hsgd.figure.*;
import org.hsgd.report.*;
import org.hsgd.sim.GroupingStrategy;

// Scale: 1 runs in seconds (T = 64, 2 seeds); 20 gives T = 1280 and 3 seeds.
int scale = 1;
Path out = Path.of(System.getProperty("hsgd.notebook.out", "results/notebooks")).resolve("divergences");

var problem = new ClassificationSpec(
    new ModelSpec.Mlp(64, 0.0), new DataSpec.Mnist(0.2), new PartitionSpec.Shards(2), 16);
long T = 64L * scale;
tech.tablesaw.api.Table trace = null;
for (GroupingStrategy grouping : List.of(GroupingStrategy.GROUP_IID, GroupingStrategy.GROUP_NON_IID)) {
  var spec = ExperimentSpec.builder(
          "figure-divergences",
          problem,
          new Topology.Equal(Hierarchy.twoLevel(32, 4, 4, 32)),
          new org.hsgd.sim.RunSettings(T, 0.05, T / 8)).  // T, gamma, a checkpoint every T/8
      grouping(grouping).
      seeds(scale == 1 ? 2 : 3).
      build();
  var runs = ExperimentRunner.run(spec, Runtime.getRuntime().availableProcessors(), Progress.SILENT);
  var one = TidyTables.trace(spec, runs);
  trace = trace == null ? one : trace.append(one);
}
var figure = PaperFigures.divergences(trace, SeedBand.MIN_MAX).orElseThrow();
var files = new java.util.LinkedHashMap<Path, byte[]>();
files.put(out.resolve("trace.csv"), Tables.csv(trace).getBytes());
files.putAll(FigureFiles.of(out, List.of(figure), FigureSettings.DEFAULT, Provenance.capture("jshell notebooks/figure-divergences.jsh", java.util.Map.of())));
Outputs.writeAll(files);
files.keySet().forEach(p -> System.out.println("wrote " + p));
/exit
