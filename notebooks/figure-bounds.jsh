// Figure (a): the three bounds (local SGD at P_1 = I, H-SGD, local SGD at P_K = G) against G
// and against T, closed form and numeric, each at its own optimal step size.
// Run from the repository root (after ./hsgd has built the jar once):
//   jshell --class-path target/hsgd.jar notebooks/figure-bounds.jsh
// Writes results/notebooks/bounds/: bounds.{pdf,svg,png}, bound-curves.csv, figures.manifest.json.
import java.nio.file.Path;
import java.util.List;
import org.hsgd.bounds.*;
import org.hsgd.figure.*;
import org.hsgd.report.*;

// Scale: the horizon T of the G panel (the T panel runs from G to 100 T). Cheap at any size.
long T = 10_000;
Path out = Path.of(System.getProperty("hsgd.notebook.out", "results/notebooks")).resolve("bounds");

// 64 workers in 8 groups, I = 4, G = 32; L, sigma^2, Delta; eps^2 = 3 split by random grouping.
var hierarchy = Hierarchy.twoLevel(64, 8, 4, 32);
var scenario = new Scenario(
    hierarchy,
    new ProblemConstants(1.0, 1.0, 10.0),
    Divergences.randomGrouping(hierarchy, 3.0));
// Each bound at its own optimal step size (the 0.01 of a run is not used then).
var bounds = org.hsgd.experiment.RunBounds.of(scenario, false, 0.01, T);
var curves = BoundCurves.of(bounds, org.hsgd.experiment.RunBounds.StepSize.OPTIMAL);
var figure = PaperFigures.bounds(curves);
var files = new java.util.LinkedHashMap<Path, byte[]>();
files.put(out.resolve("bound-curves.csv"), Tables.csv(curves).getBytes());
files.putAll(FigureFiles.of(out, List.of(figure), FigureSettings.DEFAULT, Provenance.capture("jshell notebooks/figure-bounds.jsh", java.util.Map.of())));
Outputs.writeAll(files);
files.keySet().forEach(p -> System.out.println("wrote " + p));
/exit
