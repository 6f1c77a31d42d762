// Figure (b): training loss and test accuracy against the iteration for local SGD at P = I,
// H-SGD and local SGD at P = G on MNIST (784-64-10 MLP, label shards), the mean over seeds with a
// min-max band.
// Run from the repository root (after ./hsgd has built the jar and fetched MNIST once):
//   jshell --class-path target/hsgd.jar notebooks/figure-training.jsh
// Writes results/notebooks/training/: training.{pdf,svg,png}, trace.csv, figures.manifest.json.
import java.nio.file.Path;
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.experiment.*;
import org.hsgd.figure.*;
import org.hsgd.report.*;

// Scale: 1 runs in seconds (T = 64, 2 seeds); 20 gives T = 1280 and 3 seeds, as in
// experiments/mnist-sandwich-group-iid.yaml (a few minutes on 2 cores).
int scale = 1;
Path out = Path.of(System.getProperty("hsgd.notebook.out", "results/notebooks")).resolve("training");

var problem = new ClassificationSpec(
    new ModelSpec.Mlp(64, 0.0), new DataSpec.Mnist(0.2), new PartitionSpec.Shards(2), 16);
long T = 64L * scale;
var spec = ExperimentSpec.builder(
        "figure-training",
        problem,
        new Topology.Equal(Hierarchy.twoLevel(32, 4, 4, 32)),
        new org.hsgd.sim.RunSettings(T, 0.05, T / 8)).  // T, gamma, a checkpoint every T/8
    grouping(org.hsgd.sim.GroupingStrategy.GROUP_IID).
    sandwich(true).
    seeds(scale == 1 ? 2 : 3).
    build();
List<Run> runs = ExperimentRunner.run(spec, Runtime.getRuntime().availableProcessors(), Progress.SILENT);
var trace = TidyTables.trace(spec, runs);
var figure = PaperFigures.training(
    trace, List.of(TraceMetric.LOSS, TraceMetric.TEST_ACCURACY), SeedBand.MIN_MAX);
var files = new java.util.LinkedHashMap<Path, byte[]>();
files.put(out.resolve("trace.csv"), Tables.csv(trace).getBytes());
files.putAll(FigureFiles.of(out, List.of(figure), FigureSettings.DEFAULT, Provenance.capture("jshell notebooks/figure-training.jsh", java.util.Map.of())));
Outputs.writeAll(files);
files.keySet().forEach(p -> System.out.println("wrote " + p));
/exit
