// Figure (d): on problems with exact constants, each bound (closed form and numeric) beside the
// measured time average of |grad f(u_t)|^2 (mean over seeds, error bar to its one-sided 95 %
// upper confidence limit) and, on the convex quadratic, its exact expectation; one figure per
// problem.
// Run from the repository root (after ./hsgd has built the jar once):
//   jshell --class-path target/hsgd.jar notebooks/figure-bound-vs-measured.jsh
// Writes results/notebooks/bound-vs-measured/: <problem>.{pdf,svg,png}, figures.manifest.json.
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.check.*;
import org.hsgd.experiment.*;
import org.hsgd.figure.*;
import org.hsgd.report.*;

// Scale: the horizon is 500 * scale iterations and the seeds 4 * scale.
int scale = 1;
Path out = Path.of(System.getProperty("hsgd.notebook.out", "results/notebooks")).resolve("bound-vs-measured");

var eigenvalues = QuadraticSpec.geometricEigenvalues(20, 0.1, 1.0);
var problems = new java.util.LinkedHashMap<String, QuadraticSpec>();
problems.put("convex-quadratic", QuadraticSpec.builder(eigenvalues).
    centers(new QuadraticSpec.Clustered(4, 4.0, 1.0)).
    initialPoint(List.of(3.0)).noiseVariance(0.1).build());
problems.put("nonconvex-quadratic", QuadraticSpec.builder(eigenvalues).
    cosWeight(1.0).
    centers(new QuadraticSpec.Clustered(4, 8.0, 2.0)).
    initialPoint(List.of(3.0)).noiseVariance(0.1).build());
List<Figure> figures = new ArrayList<>();
for (var entry : problems.entrySet()) {
  var spec = ExperimentSpec.builder(
          entry.getKey(),
          entry.getValue(),
          new Topology.Equal(Hierarchy.twoLevel(16, 4, 4, 16)),
          ExperimentSpec.runSettings(entry.getValue(), 500L * scale, 0.016)).
      sandwich(true).
      seeds(4 * scale).
      build();
  var runs = ExperimentRunner.run(spec, Runtime.getRuntime().availableProcessors(), Progress.SILENT);
  var result = Checker.check(spec, runs, CheckSettings.DEFAULT);
  var validity = result.find(BoundValidityCheck.class).orElseThrow().table();
  var figure = PaperFigures.boundVsMeasured(validity).orElseThrow();
  figures.add(new Figure(entry.getKey(), figure.panels(), figure.caption()));
  System.out.println(entry.getKey() + ": bound validity " + result.find(BoundValidityCheck.class).orElseThrow().verdict().label());
}
var files = FigureFiles.of(out, figures, FigureSettings.DEFAULT, Provenance.capture("jshell notebooks/figure-bound-vs-measured.jsh", java.util.Map.of()));
Outputs.writeAll(files);
files.keySet().forEach(p -> System.out.println("wrote " + p));
/exit
